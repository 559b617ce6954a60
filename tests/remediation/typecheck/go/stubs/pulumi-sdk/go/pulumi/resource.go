// Stub: mirrors github.com/pulumi/pulumi sdk/go/pulumi/resource.go @ v3.140.0
// (Resource, CustomResource, ProviderResource, ResourceState, CustomResourceState,
// ProviderResourceState, ResourceOption, InvokeOption, ResourceOrInvokeOption,
// Protect, Parent, DependsOn, Provider). Declarations only.
package pulumi

// Resource represents a cloud resource managed by Pulumi.
type Resource interface {
	URN() URNOutput

	getName() string
}

// CustomResource is a cloud resource whose create, read, update, and delete operations are managed by plugins.
type CustomResource interface {
	Resource
	ID() IDOutput
}

// ProviderResource is a resource that represents a configured instance of a particular package's provider plugin.
type ProviderResource interface {
	CustomResource
	getPackage() string
}

// ResourceState is the base of every resource.
type ResourceState struct {
	urn  URNOutput
	name string
}

func (s *ResourceState) URN() URNOutput  { return s.urn }
func (s *ResourceState) getName() string { return s.name }

// CustomResourceState is the base for all custom resource implementations.
type CustomResourceState struct {
	ResourceState

	id IDOutput
}

func (s *CustomResourceState) ID() IDOutput { return s.id }

// ProviderResourceState is the base for all provider resources.
type ProviderResourceState struct {
	CustomResourceState

	pkg string
}

func (s *ProviderResourceState) getPackage() string { return s.pkg }

type resourceOptions struct{ state int }

type invokeOptions struct{ state int }

// ResourceOption is an optional argument for a resource.
type ResourceOption interface {
	applyResourceOption(*resourceOptions)
}

// InvokeOption is an optional argument for an invoke.
type InvokeOption interface {
	applyInvokeOption(*invokeOptions)
}

// ResourceOrInvokeOption is a ResourceOption that is also an InvokeOption.
type ResourceOrInvokeOption interface {
	ResourceOption
	InvokeOption
}

type resourceOption func(*resourceOptions)

func (o resourceOption) applyResourceOption(opts *resourceOptions) { o(opts) }

type resourceOrInvokeOption func(ro *resourceOptions, io *invokeOptions)

func (o resourceOrInvokeOption) applyResourceOption(opts *resourceOptions) { o(opts, nil) }
func (o resourceOrInvokeOption) applyInvokeOption(opts *invokeOptions)     { o(nil, opts) }

// Protect, when set to true, ensures that this resource cannot be deleted.
func Protect(o bool) ResourceOption { return resourceOption(func(*resourceOptions) {}) }

// Parent sets the parent resource to which this resource or invoke belongs.
func Parent(r Resource) ResourceOrInvokeOption {
	return resourceOrInvokeOption(func(*resourceOptions, *invokeOptions) {})
}

// DependsOn is an optional array of explicit dependencies on other resources.
func DependsOn(o []Resource) ResourceOption { return resourceOption(func(*resourceOptions) {}) }

// Provider sets the provider resource to use for a resource's CRUD operations or an invoke's call.
func Provider(pr ProviderResource) ResourceOrInvokeOption {
	return resourceOrInvokeOption(func(*resourceOptions, *invokeOptions) {})
}
