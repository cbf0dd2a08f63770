/**
 * The contract document: what a reviewer reads for one template, built from the template, the
 * concept descriptors, the rule files and decision tables as compiled, and the golden cases, and
 * written as Markdown or as HTML (printable to PDF from a browser). Free of Spring: the API and the
 * command line both render it.
 */
package org.accord.document;
