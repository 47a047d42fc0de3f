//go:build tools

// The blank import keeps the CLI's main package and its dependencies in go.mod after `go mod tidy`.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
