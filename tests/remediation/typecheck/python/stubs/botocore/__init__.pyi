# Package marker for the botocore names boto3-stubs refers to.
