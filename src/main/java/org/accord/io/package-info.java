/**
 * The JSON and CSV forms of facts and results that the command line, the REST service and the
 * examples share (CSV facts: one practice a row, see FactsCsv). Decimals travel as strings in output ("1234.56": exact, whatever the client's
 * number type) and are read as BigDecimal from strings or numbers, never through double.
 */
package org.accord.io;
