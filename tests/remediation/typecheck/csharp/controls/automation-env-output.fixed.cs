using System.Collections.Generic;
using System.Threading.Tasks;
using Pulumi;
using Pulumi.Automation;

namespace Controls
{
    public static class Driver
    {
        public static async Task Run()
        {
            var args = new LocalProgramArgs("dev", "./infra")
            {
                EnvironmentVariables = new Dictionary<string, string> { ["PULUMI_ACCESS_TOKEN"] = new Config().RequireSecret("k") },
            };
            var stack = await LocalWorkspace.CreateOrSelectStackAsync(args);
            await stack.UpAsync();
        }
    }
}
