using System.Collections.Generic;
using System.Threading.Tasks;
using Pulumi.Automation;

// An Automation API program: no stack config to read.
static class Deploy
{
    static async Task Main()
    {
        var args = new LocalProgramArgs("dev", ".")
        {
            EnvironmentVariables = new Dictionary<string, string> { ["PULUMI_ACCESS_TOKEN"] = "@TOKEN@" },
        };
        var stack = await LocalWorkspace.CreateOrSelectStackAsync(args);
        await stack.UpAsync();
    }
}
