package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// knownScopes are the scopes a key may be given.
var knownScopes = []string{store.ScopeRunsWrite, store.ScopeRunsRead, store.ScopeKYCWrite, store.ScopeKYCExport}

func newKeysCommand(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Create, list and revoke the API keys of `sieve serve`",
		Long: `Manage the API keys the HTTP API accepts. Keys live in the store file
(--data FILE) hashed with SHA-256: the secret is printed once, when the key is
created, and cannot be shown again. The store is opened by one process at a
time, so run these commands while the server is stopped.`,
	}
	cmd.AddCommand(newKeysCreateCommand(g), newKeysListCommand(g), newKeysRevokeCommand(g))
	return cmd
}

type keysCreateFlags struct {
	data       string
	tenant     string
	tenantName string
	scopes     []string
	rate       int
}

func newKeysCreateCommand(g *globalFlags) *cobra.Command {
	f := &keysCreateFlags{}
	cmd := &cobra.Command{
		Use:   "create --data FILE --tenant T --scopes S,S... [--rate N]",
		Short: "Create an API key (and its tenant if needed) and print its secret once",
		Example: `  sieve keys create --data sieve.db --tenant acme --scopes runs:write,runs:read
  sieve keys create --data sieve.db --tenant acme --scopes kyc:write,kyc:export --rate 1200`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return createKey(cmd, g, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.data, "data", "", "store `FILE` (the one `sieve serve --data` uses)")
	fl.StringVar(&f.tenant, "tenant", "", "tenant `ID` the key acts for (created when missing)")
	fl.StringVar(&f.tenantName, "tenant-name", "", "display name of a tenant created now (default: the ID)")
	fl.StringSliceVar(&f.scopes, "scopes", nil, "comma-separated scopes: "+strings.Join(knownScopes, ", "))
	fl.IntVar(&f.rate, "rate", 0, "requests per minute the key may make (0: the server's --rate)")
	_ = cmd.MarkFlagRequired("data")
	_ = cmd.MarkFlagRequired("tenant")
	_ = cmd.MarkFlagRequired("scopes")
	return cmd
}

func createKey(cmd *cobra.Command, g *globalFlags, f *keysCreateFlags) error {
	ctx := cmd.Context()
	var errs []error
	if !store.ValidID(f.tenant) {
		errs = append(errs, fmt.Errorf("--tenant %q: want 1 to %d bytes without control characters", f.tenant, store.MaxIDLen))
	}
	scopes := make([]string, 0, len(f.scopes))
	for _, s := range f.scopes {
		s = strings.TrimSpace(s)
		if !slices.Contains(knownScopes, s) {
			errs = append(errs, fmt.Errorf("--scopes: unknown scope %q (known: %s)", s, strings.Join(knownScopes, ", ")))
			continue
		}
		if !slices.Contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	if len(scopes) == 0 && len(errs) == 0 {
		errs = append(errs, errors.New("--scopes: give at least one scope"))
	}
	if f.rate < 0 {
		errs = append(errs, fmt.Errorf("--rate %d: want 0 or more requests per minute", f.rate))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	st, err := boltstore.Open(f.data, boltstore.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.GetTenant(ctx, f.tenant); errors.Is(err, store.ErrNotFound) {
		name := f.tenantName
		if name == "" {
			name = f.tenant
		}
		if _, err := st.PutTenant(ctx, store.Tenant{ID: f.tenant, Name: name}); err != nil {
			return err
		}
		g.notice("sieve: created tenant %s", f.tenant)
	} else if err != nil {
		return err
	}
	secret, id := newKeySecret(), newKeyID()
	k, err := st.PutAPIKey(ctx, store.APIKey{ID: id, Tenant: f.tenant, Hash: store.HashAPIKey(secret),
		Scopes: scopes, RatePerMinute: f.rate})
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintln(cmd.OutOrStdout(), secret)
	g.notice("sieve: created key %s for tenant %s with scopes %s. The secret above is shown only now: store it safely.",
		k.ID, k.Tenant, strings.Join(k.Scopes, ","))
	return nil
}

// newKeySecret returns "sk_" and 32 random bytes in unpadded base64url.
func newKeySecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (Go 1.24+)
	return "sk_" + base64.RawURLEncoding.EncodeToString(b)
}

// newKeyID returns a key's public ID, unrelated to its secret.
func newKeyID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return "key_" + hex.EncodeToString(b)
}

type keysListFlags struct {
	data   string
	tenant string
	json   bool
}

func newKeysListCommand(g *globalFlags) *cobra.Command {
	f := &keysListFlags{}
	cmd := &cobra.Command{
		Use:   "list --data FILE [--tenant T]",
		Short: "List API keys: ID, tenant, scopes, rate, created, revoked (never secrets)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			keys, err := listAPIKeys(cmd.Context(), f.data, f.tenant)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if f.json {
				for i := range keys {
					keys[i].Hash = "" // not a secret, but of no use to anyone reading a listing
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(keys)
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTENANT\tSCOPES\tRATE/MIN\tCREATED\tREVOKED")
			for _, k := range keys {
				rate, revoked := "default", "-"
				if k.RatePerMinute > 0 {
					rate = fmt.Sprint(k.RatePerMinute)
				}
				if k.Revoked() {
					revoked = k.RevokedAt.Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Tenant, strings.Join(k.Scopes, ","), rate,
					k.CreatedAt.Format(time.RFC3339), revoked)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if len(keys) == 0 {
				g.notice("sieve: no keys in %s", f.data)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.data, "data", "", "store `FILE`")
	fl.StringVar(&f.tenant, "tenant", "", "only the keys of tenant `ID`")
	fl.BoolVar(&f.json, "json", false, "print JSON")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

// listAPIKeys returns the keys of a store file, every tenant's when
// tenant is "", by tenant then ID.
func listAPIKeys(ctx context.Context, path, tenant string) ([]store.APIKey, error) {
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	keys, err := st.ListAPIKeys(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return keys, st.Close()
}

type keysRevokeFlags struct {
	data   string
	tenant string
	id     string
}

func newKeysRevokeCommand(g *globalFlags) *cobra.Command {
	f := &keysRevokeFlags{}
	cmd := &cobra.Command{
		Use:   "revoke --data FILE --tenant T --id KEY_ID",
		Short: "Revoke an API key: requests with it are answered 401 from then on",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := boltstore.Open(f.data, boltstore.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			k, err := st.GetAPIKey(cmd.Context(), f.tenant, f.id)
			if err != nil {
				return fmt.Errorf("key %s of tenant %s: %w", f.id, f.tenant, err)
			}
			if k.Revoked() {
				g.notice("sieve: key %s was already revoked at %s", k.ID, k.RevokedAt.Format(time.RFC3339))
				return nil
			}
			k.RevokedAt = time.Now().UTC()
			if _, err := st.PutAPIKey(cmd.Context(), k); err != nil {
				return err
			}
			g.notice("sieve: revoked key %s of tenant %s", k.ID, k.Tenant)
			return st.Close()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.data, "data", "", "store `FILE`")
	fl.StringVar(&f.tenant, "tenant", "", "the key's tenant `ID`")
	fl.StringVar(&f.id, "id", "", "the key's `ID` (from `sieve keys list`)")
	for _, name := range []string{"data", "tenant", "id"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}
