/**
 * What every adapter needs to report bad input the same way: a problem names the field (as a JSON
 * pointer into the request) and the reason, and invalid input never reaches the engine.
 */
package org.accord.validation;
