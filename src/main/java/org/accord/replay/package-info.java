/**
 * Stored runs evaluated again, with the rule files and terms they were stored with or with the
 * current rules, and compared with the answer stored; used alike by the API and the command line.
 */
package org.accord.replay;
