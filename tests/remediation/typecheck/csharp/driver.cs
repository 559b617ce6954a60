// Batch driver: runs the Mono C# compiler (mcs.exe, referenced as a library) once
// per job inside one process, so that hundreds of files need one mono start-up.
// Reads a job file: one job a line, its mcs arguments separated by tabs. Writes,
// for each job, "\u0001BEGIN <n>", the compiler's diagnostics, "\u0001END <n> <ok>".
// Written for C# 7.2 / mcs; built by check.mjs.
using System;
using System.IO;

static class TypecheckDriver
{
    static int Main(string[] argv)
    {
        var lines = File.ReadAllLines(argv[0]);
        var stdout = Console.Out;
        for (int n = 0; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var args = lines[n].Split('\t');
            var diagnostics = new StringWriter();
            bool ok;
            stdout.WriteLine("\u0001BEGIN " + n);
            try
            {
                ok = Mono.CSharp.CompilerCallableEntryPoint.InvokeCompiler(args, diagnostics);
            }
            catch (Exception e)
            {
                stdout.Write(diagnostics.ToString());
                stdout.WriteLine("\u0001CRASH " + n + " " + e.GetType().FullName + ": " + e.Message.Replace('\n', ' '));
                stdout.Flush();
                return 3;
            }
            stdout.Write(diagnostics.ToString());
            stdout.WriteLine("\u0001END " + n + " " + (ok ? "ok" : "failed"));
        }
        stdout.Flush();
        return 0;
    }
}
