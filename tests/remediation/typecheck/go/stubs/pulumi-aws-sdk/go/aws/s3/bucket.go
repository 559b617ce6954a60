// Stub: mirrors github.com/pulumi/pulumi-aws sdk/go/aws/s3/bucket.go @ v6.0.0
// (NewBucket, Bucket with Arn/Bucket outputs, BucketArgs with Bucket/BucketPrefix/Tags inputs).
// Only what the samples use; the real BucketArgs has many more fields.
package s3

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type Bucket struct {
	pulumi.CustomResourceState

	Arn    pulumi.StringOutput `pulumi:"arn"`
	Bucket pulumi.StringOutput `pulumi:"bucket"`
}

// NewBucket registers a new resource with the given unique name, arguments, and options.
func NewBucket(ctx *pulumi.Context,
	name string, args *BucketArgs, opts ...pulumi.ResourceOption) (*Bucket, error) {
	return &Bucket{}, nil
}

// The set of arguments for constructing a Bucket resource.
type BucketArgs struct {
	Bucket       pulumi.StringPtrInput
	BucketPrefix pulumi.StringPtrInput
}

func (BucketArgs) ElementType() reflect.Type { return nil }
