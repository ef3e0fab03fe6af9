package io.picolabs.twilio.schema;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The migrations on Derby, each test on an in-memory database of its own. */
class SchemaTest extends SchemaContract {
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private String url(String name) {
    return "jdbc:derby:memory:schema-" + run + "-" + name;
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
