class A
{
    string s = (@"a" + Environment.GetEnvironmentVariable("X");
}
