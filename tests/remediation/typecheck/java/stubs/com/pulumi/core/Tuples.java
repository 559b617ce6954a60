// Stub of com.pulumi.core.Tuples (Tuple2, Tuple3 with public fields t1..t3), as used by
// Output.tuple in github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/core/Tuples.java @ commit f427bf660fc3 (stored copy)
package com.pulumi.core;

public final class Tuples {
    private Tuples() {
    }

    public static final class Tuple2<T1, T2> {
        public final T1 t1;
        public final T2 t2;

        private Tuple2(T1 t1, T2 t2) {
            this.t1 = t1;
            this.t2 = t2;
        }
    }

    public static final class Tuple3<T1, T2, T3> {
        public final T1 t1;
        public final T2 t2;
        public final T3 t3;

        private Tuple3(T1 t1, T2 t2, T3 t3) {
            this.t1 = t1;
            this.t2 = t2;
            this.t3 = t3;
        }
    }
}
