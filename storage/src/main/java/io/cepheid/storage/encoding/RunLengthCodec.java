package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

/**
 * RUNLENGTH: runs of equal consecutive values, any type. Payload: i32 run count, then per run an i32
 * length and the value (fixed width: {@code width} bytes; strings: i32 byte length + bytes).
 * A column of 65,536 rows holding 12 distinct sorted dates is 12 runs: 4 + 12 * 8 = 100 bytes.
 */
final class RunLengthCodec implements EncodingCodec {
    static final RunLengthCodec INSTANCE = new RunLengthCodec();

    private RunLengthCodec() {
    }

    @Override
    public byte[] encode(BlockValues values) {
        var runs = new PayloadWriter(64);
        if (values.isWide()) {
            return null;
        }
        int runCount = 0;
        int start = 0;
        while (start < values.count) {
            int end = start + 1;
            while (end < values.count && sameValue(values, start, end)) {
                end++;
            }
            runs.writeInt(end - start);
            if (values.isString()) {
                values.writeString(runs, start);
            } else {
                runs.writeValue(values.fixed[start], values.width());
            }
            runCount++;
            start = end;
        }
        var out = new PayloadWriter(4 + runs.size());
        out.writeInt(runCount);
        out.writeBytes(runs.toByteArray());
        return out.toByteArray();
    }

    private static boolean sameValue(BlockValues values, int a, int b) {
        return values.isString() ? values.sameString(a, b) : values.fixed[a] == values.fixed[b];
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        int runCount = payload.readCount("run count", rows);
        int row = 0;
        for (int run = 0; run < runCount; run++) {
            int length = payload.readCount("run length", rows - row);
            if (length == 0) {
                throw PayloadReader.corrupt("empty run " + run);
            }
            if (type == PhysicalType.VARIABLE) {
                int bytes = payload.readCount("string length", payload.remaining());
                long at = payload.skip(bytes);
                for (int i = 0; i < length; i++) {
                    out.setBytes(outOffset + row + i, payload.segment(), at, bytes);
                }
            } else {
                long value = payload.readValue(type.byteWidth());
                FixedWidth.fill(out.values(), outOffset + row, length, type.byteWidth(), value);
            }
            row += length;
        }
        if (row != rows) {
            throw PayloadReader.corrupt("runs cover " + row + " rows of " + rows);
        }
    }
}
