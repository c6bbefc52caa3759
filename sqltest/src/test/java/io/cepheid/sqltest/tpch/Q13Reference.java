package io.cepheid.sqltest.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * TPC-H Q13 computed directly from dbgen files, as an oracle independent of the engine: for every customer,
 * the number of its orders whose comment does not match {@code %special%requests%}; then how many customers
 * have each count, ordered by that number descending, then the count descending.
 */
final class Q13Reference {
    private static final Pattern SPECIAL_REQUESTS = Pattern.compile(".*special.*requests.*", Pattern.DOTALL);

    private Q13Reference() {
    }

    static ExpectedAnswer compute(Path customerFile, Path ordersFile) {
        Map<Long, Integer> ordersPerCustomer = new HashMap<>();
        lines(customerFile).forEach(fields -> ordersPerCustomer.put(Long.parseLong(fields[0]), 0));
        lines(ordersFile).forEach(fields -> {
            // orders: o_orderkey|o_custkey|o_orderstatus|o_totalprice|o_orderdate|o_orderpriority|o_clerk|o_shippriority|o_comment
            if (!SPECIAL_REQUESTS.matcher(fields[8]).matches()) {
                ordersPerCustomer.merge(Long.parseLong(fields[1]), 1, Integer::sum);
            }
        });
        Map<Integer, Integer> customersPerCount = new TreeMap<>();
        ordersPerCustomer.values().forEach(count -> customersPerCount.merge(count, 1, Integer::sum));
        List<List<String>> rows = new ArrayList<>();
        customersPerCount.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .forEach(entry -> rows.add(List.of(entry.getKey().toString(), entry.getValue().toString())));
        return new ExpectedAnswer(List.of("c_count", "custdist"), rows);
    }

    private static Stream<String[]> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.split("\\|", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
