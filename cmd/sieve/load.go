package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

// defaultDataDir is where `sieve lists update` keeps downloaded lists.
func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "sieve")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "sieve")
	}
	return filepath.Join(os.TempDir(), "sieve")
}

func (g *globalFlags) resolvedDataDir() string {
	if g.dataDir != "" {
		return g.dataDir
	}
	return defaultDataDir()
}

// notice prints a line on stderr unless --quiet.
func (g *globalFlags) notice(format string, args ...any) {
	if !g.quiet {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
}

// loadedLists are the lists a command works on and where they came from.
type loadedLists struct {
	origin  string
	catalog *lists.Catalog
	active  []*lists.List
}

// loadLists loads --lists DIR, else the data directory's lists, else the
// bundled samples, and says which on stderr.
func (g *globalFlags) loadLists(ctx context.Context) (*loadedLists, error) {
	dir := g.listsDir
	if dir == "" {
		dd := filepath.Join(g.resolvedDataDir(), "lists")
		if entries, err := os.ReadDir(dd); err == nil && len(entries) > 0 {
			dir = dd
		}
	}
	if dir == "" {
		ls, err := bundledLists()
		if err != nil {
			return nil, err
		}
		n := 0
		for _, l := range ls {
			n += len(l.Entities)
		}
		g.notice("sieve: using the bundled sample lists (%d entities; a small hand-made excerpt, not the full lists). Run `sieve lists update` or pass --lists DIR to screen against the official lists.", n)
		return &loadedLists{origin: "bundled samples", active: ls}, nil
	}
	start := time.Now()
	opts := lists.LoadOptions{}
	if !g.quiet {
		opts.Progress = func(file string, done, total int) {
			fmt.Fprintf(os.Stderr, "\rloading lists: %d/%d files", done, total)
			if done == total {
				fmt.Fprintln(os.Stderr)
			}
		}
	}
	cat, err := lists.LoadDir(ctx, dir, opts)
	if err != nil {
		return nil, fmt.Errorf("loading lists from %s: %w", dir, err)
	}
	for _, f := range cat.Failed {
		g.notice("sieve: skipped %s: %v", f.Path, f.Err)
	}
	// Several datasets of one source (OpenSanctions) screen as one list.
	active, err := lists.MergeBySource(cat.Active())
	if err != nil {
		return nil, err
	}
	if len(active) == 0 {
		return nil, fmt.Errorf("no list files recognized under %s", dir)
	}
	g.notice("sieve: loaded %d lists from %s in %s", len(active), dir, time.Since(start).Round(time.Millisecond))
	return &loadedLists{origin: dir, catalog: cat, active: active}, nil
}

// newEngine loads the lists and builds an engine over them.
func (g *globalFlags) newEngine(ctx context.Context, opts engine.Options) (*engine.Engine, *loadedLists, error) {
	ll, err := g.loadLists(ctx)
	if err != nil {
		return nil, nil, err
	}
	e, err := engine.New(opts)
	if err != nil {
		return nil, nil, err
	}
	if err := e.Reload(ctx, ll.active...); err != nil {
		return nil, nil, err
	}
	return e, ll, nil
}
