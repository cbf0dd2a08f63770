/**
 * The system of record: content by hash, stored runs, imported facts and contract versions, in a
 * relational database through plain SQL. An adapter around the pure evaluation: the domain never
 * calls it, and nothing here changes or deletes a row once written.
 */
package org.accord.store;
