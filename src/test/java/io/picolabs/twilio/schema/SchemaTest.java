package io.picolabs.twilio.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** The migrations on Derby, each test on an in-memory database of its own. */
class SchemaTest extends SchemaContract {
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private String url(String name) {
    return "jdbc:derby:memory:schema-" + run + "-" + name;
  }

  /** Every script in the folders is in the list Flyway is given, and nothing else is. */
  @Test
  void theListNamesEveryScriptOfEachDialect() throws IOException {
    for (String dialect : List.of("derby", "postgresql")) {
      try (Stream<Path> files =
          Files.list(Path.of("src/main/resources", Migrations.FOLDER, dialect))) {
        assertEquals(
            Set.copyOf(Migrations.SCRIPTS),
            files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
      }
    }
  }

  @Override
  DataSource empty(String name) throws SQLException {
    EmbeddedDataSource data = new EmbeddedDataSource();
    data.setDatabaseName("memory:schema-" + run + "-" + name);
    data.setCreateDatabase("create");
    data.getConnection().close();
    return data;
  }

  @Override
  Map<String, String> jdbc(String name) {
    return Map.of(
        "jakarta.persistence.jdbc.url",
        url(name),
        "jakarta.persistence.jdbc.driver",
        "org.apache.derby.jdbc.EmbeddedDriver");
  }

  @Override
  String dialect() {
    return "derby";
  }
}
