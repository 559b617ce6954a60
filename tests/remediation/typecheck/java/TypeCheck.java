// Type-check driver for tests/remediation/typecheck/java/check.mjs.
//
// One JVM, javax.tools.JavaCompiler: compiles the SDK stubs once (into a cache
// directory), then every listed source file in its own CompilationTask with
// -proc:none --release 17, classpath = compiled stubs, output to a throwaway dir.
// Prints one TSV line per ERROR diagnostic on stdout:
//   D <tab> <file index> <tab> <line> <tab> <col> <tab> <code> <tab> <message, newlines as \n>
// and "F <tab> <file index>" after each file (in list order; up to two worker
// threads, each with its own file manager, share the list). Exit 0 on success, 3 when no system
// Java compiler exists, 4 when the stubs do not compile, 5 on any other failure.
//
// Usage: java TypeCheck <stubs src dir> <stubs class dir> <list file>
//   The list file holds one source path per line.

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public final class TypeCheck {
    private TypeCheck() {
    }

    private static List<String> baseOptions(String classpath, Path out) {
        List<String> o = new ArrayList<>();
        o.add("-proc:none");
        o.add("--release");
        o.add("17");
        o.add("-implicit:none");
        o.add("-encoding");
        o.add("UTF-8");
        o.add("-Xmaxerrs");
        o.add("10000");
        // Keep going through flow analysis even after attribution errors, so
        // that e.g. an unreported checked exception is reported next to a type error.
        o.add("--should-stop=ifError=FLOW");
        if (classpath != null) {
            o.add("-classpath");
            o.add(classpath);
        }
        o.add("-d");
        o.add(out.toString());
        return o;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(q);
            }
        }
    }

    private static String clean(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }

    private static boolean compileStubs(JavaCompiler javac, Path src, Path classes) throws IOException {
        Path marker = classes.resolve(".stubs-ok");
        if (Files.exists(marker)) {
            return true;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        Path tmp = Files.createTempDirectory(classes.getParent(), "stubs-tmp");
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            List<String> opts = baseOptions(null, tmp);
            opts.remove("-implicit:none");
            ok = javac.getTask(null, fm, diags, opts, null, units).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                System.err.println("stub error: " + d);
            }
        }
        if (!ok) {
            deleteTree(tmp);
            return false;
        }
        Files.writeString(tmp.resolve(".stubs-ok"), "ok\n");
        try {
            Files.move(tmp, classes);
        } catch (IOException e) {
            // Another run won the race; its output is equivalent.
            deleteTree(tmp);
            if (!Files.exists(marker)) {
                throw e;
            }
        }
        return true;
    }

    private static String checkOne(JavaCompiler javac, StandardJavaFileManager fm, Path file, int i,
            Path stubsClasses, Path scratch) throws IOException {
        Path outDir = scratch.resolve(Integer.toString(i));
        Files.createDirectories(outDir);
        StringBuilder sb = new StringBuilder();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(List.of(file));
        javac.getTask(null, fm, diags, baseOptions(stubsClasses.toString(), outDir), null, units).call();
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            sb.append("D\t").append(i).append('\t').append(d.getLineNumber()).append('\t')
                    .append(d.getColumnNumber()).append('\t').append(clean(d.getCode())).append('\t')
                    .append(clean(d.getMessage(Locale.ENGLISH))).append('\n');
        }
        sb.append("F\t").append(i).append('\n');
        deleteTree(outDir);
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java TypeCheck <stubs src> <stubs classes> <list file>");
            System.exit(5);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.err.println("no system Java compiler (is a JDK, not only a JRE, installed?)");
            System.exit(3);
        }
        Path stubsSrc = Paths.get(args[0]).toAbsolutePath();
        Path stubsClasses = Paths.get(args[1]).toAbsolutePath();
        if (!compileStubs(javac, stubsSrc, stubsClasses)) {
            System.err.println("the stubs in " + stubsSrc + " do not compile");
            System.exit(4);
        }
        List<String> files = Files.readAllLines(Paths.get(args[2]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isEmpty()).collect(Collectors.toList());
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Path scratch = Files.createTempDirectory("ptl-javac-out");
        String[] results = new String[files.size()];
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 2));
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                // One file manager per thread; each file still gets its own CompilationTask.
                try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8)) {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        results[i] = checkOne(javac, fm, Paths.get(files.get(i)), i, stubsClasses, scratch);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        deleteTree(scratch);
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(5);
        }
        for (String r : results) {
            out.print(r);
        }
        out.flush();
    }
}
