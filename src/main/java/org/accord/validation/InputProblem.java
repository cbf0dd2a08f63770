package org.accord.validation;

/**
 * One thing wrong with an input.
 *
 * @param pointer JSON pointer to the field, relative to the document that was checked ({@code /practices/2/memberMonths})
 * @param reason  what is wrong, in a sentence a caller can act on
 */
public record InputProblem(String pointer, String reason) {

    public InputProblem prefixed(String prefix) {
        return new InputProblem(prefix + pointer, reason);
    }
}
