package io.cepheid.bench.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of the 22 TPC-H queries: its name ({@code q01}), SQL text without the final semicolon, and SF 1 answer file. */
public record TpchQuery(String name, String sql, Path answerFile) {
    /** Reads {@code queries/qNN.sql} for each number in {@code numbers} from the shared TPC-H folder. */
    public static List<TpchQuery> load(Path tpchTestdata, List<Integer> numbers) {
        List<TpchQuery> queries = new ArrayList<>();
        for (int number : numbers) {
            String name = String.format("q%02d", number);
            try {
                String sql = Files.readString(tpchTestdata.resolve("queries/" + name + ".sql")).strip();
                queries.add(new TpchQuery(name, sql.replaceAll(";$", ""), tpchTestdata.resolve("answers/sf1/" + name + ".csv")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return queries;
    }
}
