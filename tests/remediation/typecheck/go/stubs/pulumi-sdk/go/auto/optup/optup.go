// Stub: mirrors github.com/pulumi/pulumi sdk/go/auto/optup/optup.go @ v3.140.0
// (Option, Options, Message, ProgressStreams, Target).
package optup

import "io"

// Options is an extensible set of options for the pulumi up operation.
type Options struct {
	Message         string
	Target          []string
	ProgressStreams []io.Writer
}

// Option is a parameter to be applied to a Stack.Up() operation.
type Option interface {
	ApplyOption(*Options)
}

type optionFunc func(*Options)

func (o optionFunc) ApplyOption(opts *Options) { o(opts) }

// Message (optional) to associate with the update operation.
func Message(message string) Option { return optionFunc(func(o *Options) { o.Message = message }) }

// Target specifies an exclusive list of resource URNs to update.
func Target(urns []string) Option { return optionFunc(func(o *Options) { o.Target = urns }) }

// ProgressStreams allows specifying one or more io.Writers to redirect incremental update output.
func ProgressStreams(writers ...io.Writer) Option {
	return optionFunc(func(o *Options) { o.ProgressStreams = writers })
}
