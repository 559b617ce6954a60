import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const stack = pulumi.getStack();
const backendToken = "@TOKEN@";
const backendUrl = `https://api.pulumi.com/api/user?token=@TOKEN@&stack=${stack}`;
const header = 'Authorization: token @TOKEN@';

const bucket = new aws.s3.Bucket("site", {
    tags: { stack, owner: "platform" },
});

export const bucketName = bucket.id;
export const urls = [backendUrl, header, backendToken];
