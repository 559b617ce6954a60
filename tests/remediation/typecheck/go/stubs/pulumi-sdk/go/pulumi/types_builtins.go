// Stub: mirrors github.com/pulumi/pulumi sdk/go/pulumi/types_builtins.go @ v3.140.0
// (generated from sdk/go/pulumi/generate/templates/types_builtins.go.template):
// String, StringInput, StringOutput, StringPtr, StringPtrInput, StringPtrOutput,
// ID, IDInput, IDOutput (plus IDOutput.ToStringOutput from types.go), URN, URNOutput,
// ArrayOutput. Only the string/ID/URN family is declared.
package pulumi

import (
	"context"
	"reflect"
)

// String is an input type for string values.
type String string

// StringInput is an input type that accepts String and StringOutput values.
type StringInput interface {
	Input

	ToStringOutput() StringOutput
	ToStringOutputWithContext(ctx context.Context) StringOutput
}

func (String) ElementType() reflect.Type                                     { return nil }
func (in String) ToStringOutput() StringOutput                               { return StringOutput{} }
func (in String) ToStringOutputWithContext(ctx context.Context) StringOutput { return StringOutput{} }
func (in String) ToStringPtrOutput() StringPtrOutput                         { return StringPtrOutput{} }
func (in String) ToStringPtrOutputWithContext(ctx context.Context) StringPtrOutput {
	return StringPtrOutput{}
}

// StringOutput is an Output that returns string values.
type StringOutput struct{ *OutputState }

func (StringOutput) ElementType() reflect.Type                                    { return nil }
func (o StringOutput) ToStringOutput() StringOutput                               { return o }
func (o StringOutput) ToStringOutputWithContext(ctx context.Context) StringOutput { return o }
func (o StringOutput) ToStringPtrOutput() StringPtrOutput                         { return StringPtrOutput{} }
func (o StringOutput) ToStringPtrOutputWithContext(ctx context.Context) StringPtrOutput {
	return StringPtrOutput{}
}

// StringPtrInput is an input type that accepts StringPtr and StringPtrOutput values.
type StringPtrInput interface {
	Input

	ToStringPtrOutput() StringPtrOutput
	ToStringPtrOutputWithContext(ctx context.Context) StringPtrOutput
}

type stringPtr string

// StringPtr returns a StringPtrInput holding v.
func StringPtr(v string) StringPtrInput { return (*stringPtr)(&v) }

func (*stringPtr) ElementType() reflect.Type             { return nil }
func (in *stringPtr) ToStringPtrOutput() StringPtrOutput { return StringPtrOutput{} }
func (in *stringPtr) ToStringPtrOutputWithContext(ctx context.Context) StringPtrOutput {
	return StringPtrOutput{}
}

// StringPtrOutput is an Output that returns *string values.
type StringPtrOutput struct{ *OutputState }

func (StringPtrOutput) ElementType() reflect.Type                                          { return nil }
func (o StringPtrOutput) ToStringPtrOutput() StringPtrOutput                               { return o }
func (o StringPtrOutput) ToStringPtrOutputWithContext(ctx context.Context) StringPtrOutput { return o }
func (o StringPtrOutput) Elem() StringOutput                                               { return StringOutput{} }

// ID is a unique identifier assigned by a resource provider to a resource.
type ID string

// IDInput is an input type that accepts ID and IDOutput values.
type IDInput interface {
	Input

	ToIDOutput() IDOutput
	ToIDOutputWithContext(ctx context.Context) IDOutput
}

func (ID) ElementType() reflect.Type                                     { return nil }
func (in ID) ToIDOutput() IDOutput                                       { return IDOutput{} }
func (in ID) ToIDOutputWithContext(ctx context.Context) IDOutput         { return IDOutput{} }
func (in ID) ToStringOutput() StringOutput                               { return StringOutput{} }
func (in ID) ToStringOutputWithContext(ctx context.Context) StringOutput { return StringOutput{} }

// IDOutput is an Output that returns ID values.
type IDOutput struct{ *OutputState }

func (IDOutput) ElementType() reflect.Type                                    { return nil }
func (o IDOutput) ToIDOutput() IDOutput                                       { return o }
func (o IDOutput) ToIDOutputWithContext(ctx context.Context) IDOutput         { return o }
func (o IDOutput) ToStringOutput() StringOutput                               { return StringOutput{} }
func (o IDOutput) ToStringOutputWithContext(ctx context.Context) StringOutput { return StringOutput{} }

// URN is an automatically generated logical URN, used to stably identify resources.
type URN string

// URNOutput is an Output that returns URN values.
type URNOutput struct{ *OutputState }

func (URNOutput) ElementType() reflect.Type                                    { return nil }
func (o URNOutput) ToURNOutput() URNOutput                                     { return o }
func (o URNOutput) ToStringOutput() StringOutput                               { return StringOutput{} }
func (o URNOutput) ToStringOutputWithContext(ctx context.Context) StringOutput { return StringOutput{} }

// ArrayOutput is an Output that returns []interface{} values.
type ArrayOutput struct{ *OutputState }

func (ArrayOutput) ElementType() reflect.Type    { return nil }
func (o ArrayOutput) ToArrayOutput() ArrayOutput { return o }
