/**
 * The one entry point every adapter uses: choose a contract (template and overrides), give the
 * facts, get a settlement. Problems are reported against the request document
 * {@code {"contract": {"templateId", "overrides"}, "facts": {...}}}.
 */
package org.accord.evaluation;
