// Stub: mirrors github.com/pulumi/pulumi sdk/go/auto/local_workspace.go @ v3.140.0
// (LocalWorkspaceOption, EnvVars, WorkDir, SecretsProvider, UpsertStackLocalSource,
// SelectStackLocalSource, NewStackLocalSource) and sdk/go/auto/stack.go (Stack with
// pointer-receiver Up, SetConfig, Name; UpResult, OutputMap, OutputValue, UpdateSummary)
// and sdk/go/auto/config.go (ConfigValue).
package auto

import (
	"context"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
)

type localWorkspaceOptions struct {
	WorkDir         string
	SecretsProvider string
	EnvVars         map[string]string
}

// LocalWorkspaceOption is used to customize and configure a LocalWorkspace at initialization time.
type LocalWorkspaceOption interface {
	applyLocalWorkspaceOption(*localWorkspaceOptions)
}

type localWorkspaceOption func(*localWorkspaceOptions)

func (o localWorkspaceOption) applyLocalWorkspaceOption(opts *localWorkspaceOptions) { o(opts) }

// EnvVars is a map of environment values scoped to the workspace.
func EnvVars(envvars map[string]string) LocalWorkspaceOption {
	return localWorkspaceOption(func(lo *localWorkspaceOptions) { lo.EnvVars = envvars })
}

// WorkDir is the directory to execute commands from and store state.
func WorkDir(workDir string) LocalWorkspaceOption {
	return localWorkspaceOption(func(lo *localWorkspaceOptions) { lo.WorkDir = workDir })
}

// SecretsProvider is the secrets provider to use with the current workspace when interacting with a stack.
func SecretsProvider(secretsProvider string) LocalWorkspaceOption {
	return localWorkspaceOption(func(lo *localWorkspaceOptions) { lo.SecretsProvider = secretsProvider })
}

// Stack is an isolated, independently configurable instance of a Pulumi program.
type Stack struct {
	stackName string
}

// NewStackLocalSource creates a Stack backed by a LocalWorkspace from the specified WorkDir.
func NewStackLocalSource(ctx context.Context, stackName, workDir string, opts ...LocalWorkspaceOption) (Stack, error) {
	return Stack{stackName: stackName}, nil
}

// UpsertStackLocalSource creates or selects a Stack backed by a LocalWorkspace from the specified WorkDir.
func UpsertStackLocalSource(ctx context.Context, stackName, workDir string, opts ...LocalWorkspaceOption) (Stack, error) {
	return Stack{stackName: stackName}, nil
}

// SelectStackLocalSource selects an existing Stack backed by a LocalWorkspace from the specified WorkDir.
func SelectStackLocalSource(ctx context.Context, stackName, workDir string, opts ...LocalWorkspaceOption) (Stack, error) {
	return Stack{stackName: stackName}, nil
}

// Name returns the stack name.
func (s *Stack) Name() string { return s.stackName }

// ConfigValue is a configuration value used by a Pulumi program.
type ConfigValue struct {
	Value  string
	Secret bool
}

// SetConfig sets the specified key-value pair on the provided stack name.
func (s *Stack) SetConfig(ctx context.Context, key string, val ConfigValue) error { return nil }

// OutputValue models a Pulumi Stack output.
type OutputValue struct {
	Value  interface{}
	Secret bool
}

// OutputMap is the output result of running a Pulumi program.
type OutputMap map[string]OutputValue

// UpdateSummary provides a summary of a Stack lifecycle operation.
type UpdateSummary struct {
	Kind    string
	Result  string
	Message string
	Version int
}

// UpResult contains information about a Stack.Up operation.
type UpResult struct {
	StdOut  string
	StdErr  string
	Outputs OutputMap
	Summary UpdateSummary
}

// Up creates or updates the resources in a stack by executing the program in the Workspace.
func (s *Stack) Up(ctx context.Context, opts ...optup.Option) (UpResult, error) {
	return UpResult{}, nil
}
