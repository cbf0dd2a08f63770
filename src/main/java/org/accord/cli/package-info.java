/**
 * The command line: {@code java -jar accord.jar <command>}. Each command parses its options,
 * calls the evaluation service and prints a table or JSON; no clause arithmetic here.
 */
package org.accord.cli;
