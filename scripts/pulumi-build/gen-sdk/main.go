// chime-gen-sdk writes a Pulumi SDK for one language from a package schema, with the code generators
// of github.com/pulumi/pulumi/pkg/v3 (the ones `pulumi package gen-sdk` reaches through a language
// host's GeneratePackage; the Python and Node.js hosts that carry them are not served by the module proxy).
//
//	chime-gen-sdk -schema schema.json -language python|nodejs|go -out DIR
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noReferences refuses every package reference: the schemas generated here are self-contained.
type noReferences struct{}

var errNoReferences = errors.New("chime-gen-sdk: the schema references another package; only self-contained schemas are supported")

func (noReferences) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errNoReferences
}

func generate(language string, pkg *schema.Package) (map[string][]byte, error) {
	const tool = "chime-gen-sdk"
	switch language {
	case "python":
		return python.GeneratePackage(tool, pkg, nil, noReferences{})
	case "nodejs":
		return nodejs.GeneratePackage(tool, pkg, nil, nil, false, noReferences{})
	case "go":
		return gogen.GeneratePackage(tool, pkg, nil)
	default:
		return nil, fmt.Errorf("-language %q: must be python, nodejs or go", language)
	}
}

func run() error {
	schemaPath := flag.String("schema", "", "package schema (JSON)")
	language := flag.String("language", "", "python, nodejs or go")
	out := flag.String("out", "", "directory to write the SDK into (emptied first)")
	flag.Parse()
	if *schemaPath == "" || *language == "" || *out == "" {
		return errors.New("usage: chime-gen-sdk -schema FILE -language python|nodejs|go -out DIR")
	}
	data, err := os.ReadFile(*schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", *schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s: %s", *schemaPath, diags.Error())
	}
	if err := pkg.ImportLanguages(map[string]schema.Language{"python": python.Importer, "nodejs": nodejs.Importer, "go": gogen.Importer}); err != nil {
		return err
	}
	files, err := generate(*language, pkg)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(*out); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
