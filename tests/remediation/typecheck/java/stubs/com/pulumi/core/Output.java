// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/core/Output.java @ commit 1592942a097b (stored copy)
// Covered: apply, applyValue, copy, asPlaintext, asSecret, of, ofSecret, ofNullable,
// all, format, tuple (2 and 3 items). Left out: Either/JSON/List/Map helpers,
// tuple overloads with 4..8 items.
package com.pulumi.core;

import com.pulumi.core.Tuples.Tuple2;
import com.pulumi.core.Tuples.Tuple3;
import com.pulumi.core.internal.Copyable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

public interface Output<T> extends Copyable<Output<T>> {
    <U> Output<U> apply(Function<T, Output<U>> func);

    default <U> Output<U> applyValue(Function<T, U> func) {
        throw new UnsupportedOperationException("stub");
    }

    Output<T> copy();

    Output<T> asPlaintext();

    Output<T> asSecret();

    static <T> Output<T> of(T value) {
        throw new UnsupportedOperationException("stub");
    }

    static <T> Output<T> of(CompletableFuture<T> future) {
        throw new UnsupportedOperationException("stub");
    }

    static <T> Output<T> ofSecret(T value) {
        throw new UnsupportedOperationException("stub");
    }

    static <T> Output<T> ofNullable(T value) {
        throw new UnsupportedOperationException("stub");
    }

    @SafeVarargs
    static <T> Output<List<T>> all(Output<T>... outputs) {
        throw new UnsupportedOperationException("stub");
    }

    static <T> Output<List<T>> all(Iterable<Output<T>> outputs) {
        throw new UnsupportedOperationException("stub");
    }

    static Output<String> format(String formattableString, Object... arguments) {
        throw new UnsupportedOperationException("stub");
    }

    static <T1, T2> Output<Tuple2<T1, T2>> tuple(Output<T1> item1, Output<T2> item2) {
        throw new UnsupportedOperationException("stub");
    }

    static <T1, T2, T3> Output<Tuple3<T1, T2, T3>> tuple(Output<T1> item1, Output<T2> item2, Output<T3> item3) {
        throw new UnsupportedOperationException("stub");
    }
}
