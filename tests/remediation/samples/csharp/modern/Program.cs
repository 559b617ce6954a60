using System.Collections.Generic;
using Pulumi;
using Aws = Pulumi.Aws;

return await Deployment.RunAsync(() =>
{
    var bucket = new Aws.S3.Bucket("site");
    var token = "@TOKEN@";
    return new Dictionary<string, object?>
    {
        ["bucket"] = bucket.Id,
        ["tokenLength"] = token.Length,
    };
});
