/**
 * Content addressing: files shipped with Accord (rule sets, templates) read from the classpath
 * whether it is a folder or a jar, and canonical text with its SHA-256, so that rules, terms and
 * inputs are identified by what they contain.
 */
package org.accord.content;
