package quanta.test;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded, with Bolt on 127.0.0.1:PORT and auth off, in a store under HOME.
 * Prints "READY bolt://127.0.0.1:PORT" once it accepts connections, and shuts down cleanly when its
 * standard input closes: the script that started it ends, so does the database, whatever happens.
 *
 * Usage: Neo4jLauncher HOME PORT
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Neo4jLauncher HOME PORT");
      System.exit(2);
    }
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", Integer.parseInt(args[1])))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        // Test stores are small: keep the page cache modest beside Node on a 2-core box.
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
    System.out.println("READY bolt://127.0.0.1:" + args[1]);
    System.out.flush();
    while (System.in.read() != -1) {
      // block until the parent closes our stdin
    }
    dbms.shutdown();
  }
}
