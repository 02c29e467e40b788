#!/usr/bin/env Rscript
# Reference values of the distribution functions the Java detectors use, printed by R (17 significant digits).
# Usage: Rscript distributions.R > distributions.csv
cat("fn,a,b,c,value\n")
out <- function(fn, a, b, c, v) cat(sprintf("%s,%.17g,%.17g,%.17g,%.17g\n", fn, a, b, c, v), sep = "")
for (x in c(-8, -5, -3.3, -1.96, -1, -0.3, 0, 0.2, 0.49, 0.5, 1, 1.644853627, 2.5, 3.090232306, 4, 6, 10, 20))
  out("pnorm_upper", x, 0, 0, pnorm(x, lower.tail = FALSE))
for (p in c(1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.2, 0.4, 0.5, 0.6, 0.95, 0.975, 0.999, 1 - 1e-10))
  out("qnorm", p, 0, 0, qnorm(p))
for (df in c(1, 3, 10, 19, 57, 150, 1000)) for (t in c(0, 0.1, 1, 1.96, 2.2, 4, 12))
  out("t_two_sided", t, df, 0, 2 * pt(-abs(t), df))
for (mu in c(0.5, 3, 17.2, 140, 2600)) for (phi in c(1.0001, 1.3, 2.5, 9)) {
  size <- mu / (phi - 1); prob <- 1 / phi
  for (alpha in c(0.05, 0.01)) out("qnbinom", 1 - alpha, size, prob, qnbinom(1 - alpha, size, prob))
  for (y in unique(round(c(0, 1, mu / 2, mu, 1.5 * mu, 2 * mu + 5, 3 * mu + 10))))
    out("nb_upper", y, size, prob, pnbinom(y - 1, size, prob, lower.tail = FALSE))
}
for (mu in c(0, 0.2, 3, 17.2, 140, 2600)) {
  for (alpha in c(0.05, 0.01)) out("qpois", 1 - alpha, mu, 0, qpois(1 - alpha, mu))
  for (y in unique(round(c(0, 1, mu / 2, mu, 1.5 * mu, 2 * mu + 5, 3 * mu + 10))))
    out("pois_upper", y, mu, 0, ppois(y - 1, mu, lower.tail = FALSE))
}
