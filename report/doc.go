// Package report is the report model of Sieve: a renderer-independent
// Document describing one run (or one KYC screening) in plain data, which
// the run orchestrator fills and a renderer such as report/pdf prints.
//
// A Document names its Mode — resumido (the short report: decision,
// operative decision, risk, key findings, lists, analyst sign-off),
// completo (everything the run recorded) or export (the KYC screening
// export) — and carries the subject, the template, the decision and the
// operative decision with the reasons for a hold, the risk score and band,
// findings, recommendations, the rules fired with the values they read,
// every source result down to each match and its score explanation, the
// audit log, list versions, the screening method, the host's metadata and
// the analyst sign-off. The renderer decides what each mode shows.
//
// A Document holds no clock: GeneratedAt is the run's completion time, so
// rendering the same Document twice gives the same bytes. Names may come
// with a Latin transliteration, which renderers print beside names in
// scripts they cannot shape. Document numbers print masked (MaskDocument).
//
// This package uses the standard library only.
//
// # Errors
//
// ParseMode rejects unknown modes with ErrInvalidMode. Document.Validate
// reports every problem at once (errors.Join); each is a *FieldError naming
// the field and wrapping ErrInvalidDocument.
package report
