package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Decimal128Math;
import io.cepheid.executor.expression.Utf8;
import io.cepheid.executor.fragment.WindowCall;
import io.cepheid.executor.fragment.WindowFrame;
import io.cepheid.executor.fragment.WindowFunction;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigInteger;

/**
 * Computes one window call over one partition of sorted positions [start, end) of a {@link WindowOperator}.
 * Aggregates over frames that start at the partition's start (or end at its end) accumulate in one pass;
 * frames bounded on both sides are recomputed per row over their (bounded) width. Results are written in
 * position order, as string vectors require.
 */
final class WindowEvaluator {
    private final BufferAllocator allocator;
    private final RowStore store;
    private final OffHeapLongs sorted;
    private final OffHeapLongs peerStarts;
    private final OffHeapLongs peerEnds;
    private final ColumnVector[][] results;

    // The running aggregate state: reused for every frame, so no per-row objects.
    private long count;
    private long longSum;
    private double doubleSum;
    private int best;
    /**
     * SUM/AVG with a DECIMAL(38) result (a DECIMAL(19..38) argument, or any DECIMAL's SUM) add in 128 bits, in
     * one-element arrays for {@link Decimal128Math#add}; {@code wide} says whether the current call does.
     */
    private boolean wide;
    private final long[] wideHigh = new long[1];
    private final long[] wideLow = new long[1];

    WindowEvaluator(BufferAllocator allocator, RowStore store, OffHeapLongs sorted, OffHeapLongs peerStarts, OffHeapLongs peerEnds,
                    ColumnVector[][] results) {
        this.allocator = allocator;
        this.store = store;
        this.sorted = sorted;
        this.peerStarts = peerStarts;
        this.peerEnds = peerEnds;
        this.results = results;
    }

    void evaluate(WindowCall call, int index, int start, int end) {
        switch (call.function()) {
            case ROW_NUMBER -> {
                for (int p = start; p < end; p++) {
                    result(p, index).setLong(p & RowStore.CHUNK_MASK, p - start + 1);
                }
            }
            case RANK -> {
                for (int p = start; p < end; p++) {
                    result(p, index).setLong(p & RowStore.CHUNK_MASK, peerStarts.get(p) - start + 1);
                }
            }
            case DENSE_RANK -> {
                long rank = 0;
                for (int p = start; p < end; p++) {
                    if (peerStarts.get(p) == p) {
                        rank++;
                    }
                    result(p, index).setLong(p & RowStore.CHUNK_MASK, rank);
                }
            }
            case NTILE -> ntile(call, index, start, end);
            case LAG -> shifted(call, index, start, end, -1);
            case LEAD -> shifted(call, index, start, end, 1);
            case FIRST_VALUE, LAST_VALUE, COUNT_STAR, COUNT, SUM, AVG, MIN, MAX -> framed(call, index, start, end);
        }
    }

    private void ntile(WindowCall call, int index, int start, int end) {
        int bucketColumn = call.arguments().getFirst();
        long n = end - start;
        for (int p = start; p < end; p++) {
            ColumnVector out = result(p, index);
            int outRow = p & RowStore.CHUNK_MASK;
            ColumnVector bucketVector = column(p, bucketColumn);
            if (bucketVector.isNull(row(p))) {
                out.setNull(outRow);
                continue;
            }
            long buckets = bucketVector.getLongValue(row(p));
            if (buckets <= 0) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "argument of ntile must be greater than zero");
            }
            // The first (n % buckets) buckets hold one row more than the others.
            long size = n / buckets;
            long remainder = n % buckets;
            long j = p - start;
            long large = remainder * (size + 1);
            long bucket = j < large ? j / (size + 1) : remainder + (j - large) / size;
            out.setLong(outRow, bucket + 1);
        }
    }

    /** LAG (direction -1) and LEAD (+1): the value {@code offset} rows away in the partition, else the default. */
    private void shifted(WindowCall call, int index, int start, int end, int direction) {
        int valueColumn = call.arguments().getFirst();
        int offsetColumn = call.arguments().size() > 1 ? call.arguments().get(1) : -1;
        int defaultColumn = call.arguments().size() > 2 ? call.arguments().get(2) : -1;
        for (int p = start; p < end; p++) {
            ColumnVector out = result(p, index);
            int outRow = p & RowStore.CHUNK_MASK;
            long offset = 1;
            if (offsetColumn >= 0) {
                ColumnVector offsets = column(p, offsetColumn);
                if (offsets.isNull(row(p))) {
                    out.setNull(outRow);
                    continue;
                }
                offset = offsets.getLongValue(row(p));
                if (offset < 0) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "offset of lag/lead must not be negative");
                }
            }
            long target = p + direction * offset;
            if (target >= start && target < end) {
                out.copyRow(column((int) target, valueColumn), row((int) target), outRow);
            } else if (defaultColumn >= 0) {
                out.copyRow(column(p, defaultColumn), row(p), outRow);
            } else {
                out.setNull(outRow);
            }
        }
    }

    private void framed(WindowCall call, int index, int start, int end) {
        WindowFrame frame = call.frame();
        wide = (call.function() == WindowFunction.SUM || call.function() == WindowFunction.AVG)
                && call.resultType().physicalType() == PhysicalType.INT128;
        int argument = call.arguments().isEmpty() ? -1 : call.arguments().getFirst();
        boolean variableResult = call.resultType().physicalType() == PhysicalType.VARIABLE;
        if (call.function() == WindowFunction.FIRST_VALUE || call.function() == WindowFunction.LAST_VALUE) {
            for (int p = start; p < end; p++) {
                emit(call, index, argument, p, frameStart(frame, p, start, end), frameEnd(frame, p, end));
            }
        } else if (frame.startUnbounded()) {
            reset();
            int next = start;
            for (int p = start; p < end; p++) {
                int last = frameEnd(frame, p, end);
                while (next <= last) {
                    add(call, argument, next++);
                }
                emit(call, index, argument, p, start, last);
            }
        } else if (frame.endUnbounded() && variableResult) {
            // String results must be written in row order, so remember each row's MIN/MAX position first.
            try (OffHeapLongs chosen = new OffHeapLongs(allocator, end - start, -1)) {
                reset();
                int next = end - 1;
                for (int p = end - 1; p >= start; p--) {
                    int first = frameStart(frame, p, start, end);
                    while (next >= first) {
                        add(call, argument, next--);
                    }
                    chosen.set(p - start, best);
                }
                for (int p = start; p < end; p++) {
                    best = (int) chosen.get(p - start);
                    emit(call, index, argument, p, p, p);
                }
            }
        } else if (frame.endUnbounded()) {
            reset();
            int next = end - 1;
            for (int p = end - 1; p >= start; p--) {
                int first = frameStart(frame, p, start, end);
                while (next >= first) {
                    add(call, argument, next--);
                }
                emit(call, index, argument, p, first, end - 1);
            }
        } else {
            for (int p = start; p < end; p++) {
                int first = frameStart(frame, p, start, end);
                int last = frameEnd(frame, p, end);
                reset();
                for (int q = first; q <= last; q++) {
                    add(call, argument, q);
                }
                emit(call, index, argument, p, first, last);
            }
        }
    }

    /** First position of p's frame (may be past the partition's end: an empty frame). */
    private int frameStart(WindowFrame frame, int p, int start, int end) {
        if (frame.startUnbounded()) {
            return start;
        }
        if (frame.range()) {
            return (int) peerStarts.get(p);
        }
        long first = Math.max(start, p + Math.max(frame.start(), -(long) Integer.MAX_VALUE));
        return (int) Math.min(first, end);
    }

    /** Last position of p's frame (may be before the partition's start: an empty frame). */
    private int frameEnd(WindowFrame frame, int p, int end) {
        if (frame.endUnbounded()) {
            return end - 1;
        }
        if (frame.range()) {
            return (int) peerEnds.get(p) - 1;
        }
        long last = Math.min(end - 1, p + Math.min(frame.end(), Integer.MAX_VALUE));
        return (int) Math.max(last, -1);
    }

    private void reset() {
        count = 0;
        longSum = 0;
        wideHigh[0] = 0;
        wideLow[0] = 0;
        doubleSum = 0;
        best = -1;
    }

    private void add(WindowCall call, int argument, int p) {
        if (argument < 0) {
            count++;
            return;
        }
        ColumnVector vector = column(p, argument);
        int row = row(p);
        if (vector.isNull(row)) {
            return;
        }
        count++;
        switch (call.function()) {
            case SUM, AVG -> {
                if (vector.physicalType() == PhysicalType.FLOAT32 || vector.physicalType() == PhysicalType.FLOAT64) {
                    doubleSum += KeyHashing.doubleValue(vector, row);
                } else if (wide) {
                    // Leaving 128 bits is 22003; past 38 digits is caught when the result is written.
                    if (vector.physicalType() == PhysicalType.INT128) {
                        Decimal128Math.add(wideHigh, wideLow, 0, vector.getHigh(row), vector.getLow(row));
                    } else {
                        long value = vector.getLongValue(row);
                        Decimal128Math.add(wideHigh, wideLow, 0, value >> 63, value);
                    }
                } else {
                    try {
                        longSum = Math.addExact(longSum, vector.getLongValue(row));
                    } catch (ArithmeticException e) {
                        throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range in window " + call.function());
                    }
                }
            }
            case MIN, MAX -> {
                if (best < 0) {
                    best = p;
                } else {
                    int c = compareValues(vector, row, column(best, argument), row(best));
                    if (call.function() == WindowFunction.MIN ? c < 0 : c > 0) {
                        best = p;
                    }
                }
            }
            case ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, COUNT_STAR, COUNT -> {
            }
        }
    }

    private void emit(WindowCall call, int index, int argument, int p, int first, int last) {
        ColumnVector out = result(p, index);
        int outRow = p & RowStore.CHUNK_MASK;
        switch (call.function()) {
            case COUNT_STAR, COUNT -> out.setLong(outRow, count);
            case SUM -> {
                if (count == 0) {
                    out.setNull(outRow);
                } else if (wide) {
                    writeWide(out, outRow, (SqlType.DecimalType) call.resultType(), wideHigh[0], wideLow[0]);
                } else {
                    writeNumber(out, outRow, longSum, doubleSum);
                }
            }
            case AVG -> {
                if (count == 0) {
                    out.setNull(outRow);
                } else if (wide) {
                    wideAverage(out, outRow, (SqlType.DecimalType) call.resultType());
                } else {
                    writeNumber(out, outRow, average(call.resultType(), longSum), doubleSum / count);
                }
            }
            case MIN, MAX -> {
                if (best < 0) {
                    out.setNull(outRow);
                } else {
                    out.copyRow(column(best, argument), row(best), outRow);
                }
            }
            case FIRST_VALUE, LAST_VALUE -> {
                if (first > last) {
                    out.setNull(outRow);
                } else {
                    int source = call.function() == WindowFunction.FIRST_VALUE ? first : last;
                    out.copyRow(column(source, argument), row(source), outRow);
                }
            }
            case ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD -> throw new IllegalStateException(call.function() + " has no frame");
        }
    }

    /** Integer AVG truncates (Redshift); DECIMAL AVG keeps the scale and rounds half away from zero. */
    private long average(SqlType resultType, long sum) {
        if (resultType instanceof SqlType.DecimalType) {
            long quotient = sum / count;
            long remainder = sum % count;
            if (Math.abs(remainder) * 2 >= count) {
                quotient += sum < 0 ? -1 : 1;
            }
            return quotient;
        }
        return sum / count;
    }

    /** A 128-bit result, 22003 unless it fits the result type's precision. */
    private static void writeWide(ColumnVector out, int row, SqlType.DecimalType type, long high, long low) {
        Decimal128Math.checkPrecision(high, low, type.precision(), type.scale());
        out.setInt128(row, high, low);
    }

    /**
     * AVG with a DECIMAL(38) result: the 128-bit sum over the count, rounded half away from zero. A sum that
     * fits in a long (the usual case) divides as a long; only larger sums go through BigInteger.
     */
    private void wideAverage(ColumnVector out, int row, SqlType.DecimalType type) {
        long high = wideHigh[0];
        long low = wideLow[0];
        if (Int128.fitsInLong(high, low)) {
            long quotient = average(type, low);
            writeWide(out, row, type, quotient >> 63, quotient);
            return;
        }
        BigInteger[] division = Int128.toBigInteger(high, low).divideAndRemainder(BigInteger.valueOf(count));
        BigInteger quotient = division[0];
        if (division[1].abs().shiftLeft(1).compareTo(BigInteger.valueOf(count)) >= 0) {
            quotient = quotient.add(BigInteger.valueOf(high < 0 ? -1 : 1));
        }
        writeWide(out, row, type, Int128.high(quotient), Int128.low(quotient));
    }

    private static void writeNumber(ColumnVector out, int row, long longValue, double doubleValue) {
        switch (out.physicalType()) {
            case FLOAT32 -> out.setFloat(row, (float) doubleValue);
            case FLOAT64 -> out.setDouble(row, doubleValue);
            case INT16, INT32, INT64, INT128, BOOLEAN -> out.setLongValue(row, longValue);
            case VARIABLE -> throw new IllegalStateException("numeric window result of type " + out.type());
        }
    }

    private static int compareValues(ColumnVector a, int rowA, ColumnVector b, int rowB) {
        return switch (a.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> Long.compare(a.getLongValue(rowA), b.getLongValue(rowB));
            case INT128 -> Int128.compare(a.getHigh(rowA), a.getLow(rowA), b.getHigh(rowB), b.getLow(rowB));
            case FLOAT32, FLOAT64 -> Double.compare(KeyHashing.doubleValue(a, rowA) + 0.0, KeyHashing.doubleValue(b, rowB) + 0.0);
            case VARIABLE -> {
                int lengthA = a.getByteLength(rowA);
                int lengthB = b.getByteLength(rowB);
                if (a.type() instanceof SqlType.CharType) {
                    lengthA = Utf8.lengthWithoutTrailingBlanks(a.data(), a.getOffset(rowA), lengthA);
                    lengthB = Utf8.lengthWithoutTrailingBlanks(b.data(), b.getOffset(rowB), lengthB);
                }
                yield Utf8.compare(a.data(), a.getOffset(rowA), lengthA, b.data(), b.getOffset(rowB), lengthB);
            }
        };
    }

    private ColumnVector column(int position, int column) {
        return store.chunk((int) (sorted.get(position) >>> 32))[column];
    }

    private int row(int position) {
        return (int) sorted.get(position);
    }

    private ColumnVector result(int position, int call) {
        return results[position >>> RowStore.CHUNK_SHIFT][call];
    }
}
