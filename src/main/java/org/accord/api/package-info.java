/**
 * The REST adapter: controllers implement the interfaces generated from {@code api-spec/accord.yaml}
 * and translate between its transport types and the domain. The only package that knows Spring Web.
 */
package org.accord.api;
