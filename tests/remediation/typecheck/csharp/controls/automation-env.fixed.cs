using System;
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
                EnvironmentVariables = new Dictionary<string, string> { ["PULUMI_ACCESS_TOKEN"] = Environment.GetEnvironmentVariable("PULUMI_ACCESS_TOKEN") },
            };
            var stack = await LocalWorkspace.CreateOrSelectStackAsync(args);
            var result = await stack.UpAsync(new UpOptions { OnStandardOutput = Console.WriteLine });
            Console.WriteLine(result.Outputs.Count);
        }
    }
}
