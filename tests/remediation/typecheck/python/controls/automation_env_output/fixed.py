import pulumi
from pulumi import automation as auto

opts = auto.LocalWorkspaceOptions(env_vars={"PULUMI_ACCESS_TOKEN": pulumi.Config().require_secret("pulumiAccessToken")})
stack = auto.create_or_select_stack("dev", work_dir=".", opts=opts)
result = stack.up(on_output=print)
