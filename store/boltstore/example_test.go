package boltstore_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

func ExampleOpen() {
	dir, err := os.MkdirTemp("", "sieve-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	s, err := boltstore.Open(filepath.Join(dir, "sieve.db"), boltstore.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()

	run := store.Run{
		ID:              "run-1",
		Tenant:          "acme",
		TemplateID:      "kyc-pf",
		TemplateVersion: 1,
		Params:          map[string]any{"cpf": "52998224725"},
		IdempotencyKey:  "order-17",
		RequestHash:     "sha256:3f2a",
	}
	created, isNew, err := s.CreateRun(ctx, run)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(created.ID, created.Status, created.Status.WireName(), isNew)

	// A retry with the same idempotency key and request returns the same run.
	run.ID = "run-2"
	again, isNew, err := s.CreateRun(ctx, run)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(again.ID, isNew)

	// A worker picks it up; the revision guards against a second worker.
	created.Status = store.StatusRunning
	running, err := s.UpdateRun(ctx, created)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(running.Status, running.Revision)

	page, next, err := s.ListRuns(ctx, "acme", store.ListFilter{Status: store.StatusRunning})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page), next == "")

	// Another tenant sees nothing.
	_, err = s.GetRun(ctx, "globex", "run-1")
	fmt.Println(err)
	// Output:
	// run-1 queued pending true
	// run-1 false
	// running 2
	// 1 true
	// boltstore: get run: run "run-1": not found
}
