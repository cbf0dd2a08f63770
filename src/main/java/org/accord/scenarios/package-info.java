/**
 * What-if views for contract negotiators, each settled by the same engine and rule files as a
 * single evaluation: compare proposals, sweep terms, simulate the year's chance variation, and
 * lay out the contract's cash flow by month. Requests and results are plain records (money in
 * BigDecimal) so that the command line and the REST service map them thinly; every result is
 * also a {@link org.accord.scenarios.Table} for CSV.
 */
package org.accord.scenarios;
