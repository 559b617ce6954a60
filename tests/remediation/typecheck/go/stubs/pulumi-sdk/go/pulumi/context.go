// Stub: mirrors github.com/pulumi/pulumi sdk/go/pulumi/context.go @ v3.140.0
// (Context, its Log field, Export, Project, Stack, Organization, GetConfig) and
// sdk/go/pulumi/log.go (Log, LogArgs). Declarations only.
package pulumi

// Context handles registration of resources and exposes metadata about the current deployment.
type Context struct {
	state int
	// Log is the logging interface for the Pulumi log stream.
	Log Log
}

// Export registers a key and value pair with the current context's stack.
func (ctx *Context) Export(name string, value Input) {}

// Project returns the current project name.
func (ctx *Context) Project() string { return "" }

// Stack returns the current stack name being deployed into.
func (ctx *Context) Stack() string { return "" }

// Organization returns the current organization name.
func (ctx *Context) Organization() string { return "" }

// GetConfig returns the config value, as a string, and a bool indicating whether it exists or not.
func (ctx *Context) GetConfig(key string) (string, bool) { return "", false }

// Log is a group of logging functions that log to the Pulumi log stream.
type Log interface {
	Debug(msg string, args *LogArgs) error
	Info(msg string, args *LogArgs) error
	Warn(msg string, args *LogArgs) error
	Error(msg string, args *LogArgs) error
}

// LogArgs may be used to specify arguments to be used for logging.
type LogArgs struct {
	Resource  Resource
	StreamID  int32
	Ephemeral bool
}
