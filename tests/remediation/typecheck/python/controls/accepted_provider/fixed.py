import pulumi
import pulumi_pulumiservice as service
from pulumi import automation as auto

provider = service.Provider(
    "service",
    access_token=pulumi.Config().require_secret("pulumiAccessToken"),
    opts=pulumi.ResourceOptions(protect=True),
)
pulumi.export("provider", provider.urn)
url = pulumi.Output.concat("https://api.pulumi.com/", pulumi.get_stack())
opts = auto.LocalWorkspaceOptions(env_vars={"PULUMI_ACCESS_TOKEN": "set-from-the-environment"})
