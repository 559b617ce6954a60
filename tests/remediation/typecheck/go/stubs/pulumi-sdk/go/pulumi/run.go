// Stub: mirrors github.com/pulumi/pulumi sdk/go/pulumi/run.go @ v3.140.0
// (Run, RunErr, RunFunc, RunOption, RunInfo). Declarations only, no behaviour.
package pulumi

// RunFunc is the body of a Pulumi program.
type RunFunc func(ctx *Context) error

// RunInfo contains all the metadata about a run request.
type RunInfo struct {
	Project          string
	Stack            string
	Config           map[string]string
	ConfigSecretKeys []string
	Parallel         int32
	DryRun           bool
	MonitorAddr      string
	EngineAddr       string
	Organization     string
}

// RunOption is used to control the behavior of Run and RunErr.
type RunOption func(*RunInfo)

// Run executes the body of a Pulumi program.
func Run(body RunFunc, opts ...RunOption) { _ = RunErr(body, opts...) }

// RunErr executes the body of a Pulumi program and returns its error.
func RunErr(body RunFunc, opts ...RunOption) error { return nil }
