package org.accord.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * A data directory whose H2 file is mostly free, as a store long in use leaves it: 1,500 rows of 8 KB
 * in a schema of their own (the store's migrations leave it alone), each its own commit, four in five
 * deleted, with nothing kept for H2's retention time and no compaction at close (about 30 MB, a fifth of
 * it live).
 */
final class MostlyFreeH2File {

    /** The rows kept: a fifth of them. */
    static final int KEPT = 300;

    private MostlyFreeH2File() {
    }

    /** Makes the file; answers the checksum of the rows kept. */
    static long make(Path dataDir) throws SQLException {
        String url = DataDirectory.h2Url(dataDir.toAbsolutePath()) + ";MAX_COMPACT_TIME=0;RETENTION_TIME=0";
        try (Connection db = DriverManager.getConnection(url, "", ""); Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA filler");
            statement.execute("CREATE TABLE filler.pad (id INT PRIMARY KEY, bytes VARBINARY(8192))");
            Random random = new Random(1);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO filler.pad VALUES (?, ?)")) {
                for (int id = 0; id < 5 * KEPT; id++) {
                    byte[] bytes = new byte[8192];
                    random.nextBytes(bytes);
                    insert.setInt(1, id);
                    insert.setBytes(2, bytes);
                    insert.executeUpdate();
                }
            }
            statement.execute("DELETE FROM filler.pad WHERE MOD(id, 5) <> 0");
        }
        return checksum(dataDir);
    }

    /** A checksum of the rows kept and their bytes, or minus their count when there are not {@link #KEPT} of them. */
    static long checksum(Path dataDir) throws SQLException {
        try (Connection db = DriverManager.getConnection(DataDirectory.h2Url(dataDir.toAbsolutePath()), "", "");
                ResultSet rows = db.createStatement().executeQuery("SELECT id, bytes FROM filler.pad ORDER BY id")) {
            long sum = 0;
            int count = 0;
            while (rows.next()) {
                count++;
                sum = 31 * sum + rows.getInt(1);
                for (byte b : rows.getBytes(2)) {
                    sum = 31 * sum + b;
                }
            }
            return count == KEPT ? sum : -count;
        }
    }
}
