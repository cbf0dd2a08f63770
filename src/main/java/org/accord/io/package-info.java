/**
 * The JSON forms of facts and settlements that the command line, the REST service and the
 * examples share. Decimals travel as strings in output ("1234.56": exact, whatever the client's
 * number type) and are read as BigDecimal from strings or numbers, never through double.
 */
package org.accord.io;
