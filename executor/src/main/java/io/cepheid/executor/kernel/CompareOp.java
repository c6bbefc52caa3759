package io.cepheid.executor.kernel;

/** Comparison operators that selection kernels evaluate against a constant. */
public enum CompareOp {
    EQ, NE, LT, LE, GT, GE
}
