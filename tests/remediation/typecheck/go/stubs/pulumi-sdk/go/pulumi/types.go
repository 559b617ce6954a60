// Stub: mirrors github.com/pulumi/pulumi sdk/go/pulumi/types.go @ v3.140.0
// (Input, Output, OutputState with ApplyT(applier interface{}) Output, ToSecret,
// ToSecretWithContext, Unsecret, All) and sdk/go/pulumi/printf.go (Sprintf).
// interface{} appears only where the real SDK declares interface{}.
package pulumi

import (
	"context"
	"reflect"
)

// Input is the type of a generic input value for a Pulumi resource.
type Input interface {
	ElementType() reflect.Type
}

// Output encodes the relationship between resources in a Pulumi application.
type Output interface {
	ElementType() reflect.Type

	ApplyT(applier interface{}) Output
	ApplyTWithContext(ctx context.Context, applier interface{}) Output

	getState() *OutputState
}

// OutputState holds the internal details of an Output.
type OutputState struct {
	state int
}

func (o *OutputState) getState() *OutputState { return o }

// ApplyT transforms the data of the output property using the applier func.
func (o *OutputState) ApplyT(applier interface{}) Output { return nil }

// ApplyTWithContext transforms the data of the output property using the applier func.
func (o *OutputState) ApplyTWithContext(ctx context.Context, applier interface{}) Output { return nil }

// ToSecret wraps the input in an Output marked as secret.
func ToSecret(input interface{}) Output { return nil }

// ToSecretWithContext wraps the input in an Output marked as secret.
func ToSecretWithContext(ctx context.Context, input interface{}) Output { return nil }

// Unsecret will unwrap a secret output.
func Unsecret(input Output) Output { return nil }

// All returns an ArrayOutput that resolves when all of the provided inputs resolve.
func All(inputs ...interface{}) ArrayOutput { return ArrayOutput{} }

// Sprintf is like fmt.Sprintf but resolves Inputs among its arguments.
func Sprintf(format string, args ...interface{}) StringOutput { return StringOutput{} }
