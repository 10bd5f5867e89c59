using System.Reflection;
using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>
/// An OpenAPI discriminator whose mapping names every alternative (of a oneOf/anyOf, or the components deriving through allOf)
/// becomes a closed class hierarchy that reads by the discriminator's value; a mapping that falls short is a diagnostic at the
/// discriminator, and the value keeps its shape.
/// </summary>
public sealed class OpenApiDiscriminatorTests
{
    // Cat by a mapping reference, Dog by a mapping name, Lizard by its component name (implicit); "kitty" is a second value for Cat.
    private const string Pets = """
        { "openapi": "3.1.0", "info": { "title": "Pets", "version": "1" }, "paths": {},
          "components": { "schemas": {
            "Pet": {
              "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }, { "$ref": "#/components/schemas/Lizard" } ],
              "discriminator": { "propertyName": "petType", "mapping": { "cat": "#/components/schemas/Cat", "kitty": "#/components/schemas/Cat", "dog": "Dog" } } },
            "Cat": { "type": "object", "required": ["petType", "name"], "properties": { "petType": { "type": "string" }, "name": { "type": "string" } } },
            "Dog": { "type": "object", "required": ["petType", "bark"], "properties": { "petType": { "type": "string" }, "bark": { "type": "string" } } },
            "Lizard": { "type": "object", "required": ["petType", "scales"], "properties": { "petType": { "type": "string" }, "scales": { "type": "integer" } } },
            "Owner": { "type": "object", "properties": {
              "pet": { "$ref": "#/components/schemas/Pet" },
              "pets": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } } } }
        """;

    // The same shape in YAML with the implicit mapping only: each value is its component's name.
    private const string PetsYaml = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths: {}
        components:
          schemas:
            Pet:
              anyOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: petType
            Cat:
              type: object
              required: [petType, name]
              properties:
                petType: { type: string }
                name: { type: string }
            Dog:
              type: object
              required: [petType, bark]
              properties:
                petType: { type: string, enum: [Dog] }
                bark: { type: string }
        """;

    private static readonly Lazy<(GeneratorOutput Output, Assembly Assembly)> s_pets = new(() => Compile(Pets, "/project/pets.openapi.json"));
    private static readonly Lazy<(GeneratorOutput Output, Assembly Assembly)> s_petsYaml = new(() => Compile(PetsYaml, "/project/pets.openapi.yaml"));

    private static (GeneratorOutput, Assembly) Compile(string text, string path)
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput(path, text) });
        return (output, GeneratorHarness.Load(output.Compilation));
    }

    private static Type Type(Assembly assembly, string name) => assembly.GetType("WooshPay.Contracts." + name)!;

    private static object Parse(Assembly assembly, string type, string json)
    {
        try
        {
            return Type(assembly, type).GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e)
        {
            throw e.InnerException!;
        }
    }

    /// <summary>The base is abstract, each alternative derives from it, and no other assembly can: it has no constructor one could call.</summary>
    private static Type AssertClosedHierarchy(Assembly assembly, string baseName, params string[] alternatives)
    {
        var type = Type(assembly, baseName);
        Assert.True(type.IsAbstract);
        Assert.All(alternatives, name => Assert.Equal(type, Type(assembly, name).BaseType));
        Assert.All(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), c => Assert.False(c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly));
        return type;
    }

    private static string PointerOf(Exception error) => (string)error.GetType().GetProperty("Pointer")!.GetValue(error)!;

    [Fact]
    public void A_complete_mapping_makes_a_closed_hierarchy()
    {
        var (output, assembly) = s_pets.Value;

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        var pet = AssertClosedHierarchy(assembly, "Pet", "Cat", "Dog", "Lizard");
        Assert.Equal(pet, Type(assembly, "Owner").GetProperty("Pet")!.PropertyType);
        Assert.Equal(typeof(List<>).MakeGenericType(pet), Type(assembly, "Owner").GetProperty("Pets")!.PropertyType);
    }

    [Theory]
    [InlineData("""{"name":"Tom","petType":"cat"}""", "Cat")]
    [InlineData("""{"petType":"kitty","name":"Tom"}""", "Cat")]
    [InlineData("""{"petType":"\u0063at","name":"Tom"}""", "Cat")]
    [InlineData("""{"petType":"dog","bark":"woof"}""", "Dog")]
    [InlineData("""{"scales":9,"petType":"Lizard"}""", "Lizard")]
    public void Parse_dispatches_on_the_discriminator_wherever_it_stands(string json, string expected)
    {
        var assembly = s_pets.Value.Assembly;

        var pet = Parse(assembly, "Pet", json);

        Assert.Equal(expected, pet.GetType().Name);
        var written = (string)pet.GetType().GetMethod("ToJson")!.Invoke(pet, [false])!;
        Assert.Equal(expected, Parse(assembly, "Pet", written).GetType().Name);
    }

    [Theory]
    [InlineData("Pet", """{"petType":"cow","name":"Tom"}""", "/petType")]
    [InlineData("Pet", """{"petType":"Cat","name":"Tom"}""", "/petType")]
    [InlineData("Pet", """{"petType":7,"name":"Tom"}""", "/petType")]
    [InlineData("Owner", """{"pet":{"petType":"cow"}}""", "/pet/petType")]
    [InlineData("Owner", """{"pets":[{"petType":"dog","bark":"woof"},{"petType":"cow"}]}""", "/pets/1/petType")]
    [InlineData("Owner", """{"pet":{"name":"Tom"}}""", "/pet")]
    public void An_unknown_discriminator_value_fails_at_the_discriminator(string type, string json, string pointer)
    {
        var assembly = s_pets.Value.Assembly;

        var error = Assert.ThrowsAny<Exception>(() => Parse(assembly, type, json));

        Assert.Equal("ContractJsonException", error.GetType().Name);
        Assert.Equal(pointer, PointerOf(error));
        Assert.Contains(pointer.EndsWith("petType", StringComparison.Ordinal) ? "\"cat\", \"kitty\", \"dog\", \"Lizard\"" : "\"petType\" is missing", error.Message);
    }

    [Fact]
    public void Validation_fails_at_an_unknown_discriminator_value_and_passes_known_ones()
    {
        var validator = new GeneratedValidator(s_pets.Value.Assembly, "PetSchema");

        foreach (var checker in new[] { validator, validator.Interpreted })
        {
            Assert.True(checker.Validate("""{"petType":"kitty","name":"Tom"}""").IsValid);
            var (isValid, errors, _) = checker.Validate("""{"petType":"cow","name":"Tom"}""");
            Assert.False(isValid);
            var error = Assert.Single(errors);
            Assert.Equal(("/petType", "enum", "/properties/petType/enum"), (error.InstanceLocation, error.Keyword, error.KeywordLocation));
        }
    }

    [Fact]
    public void A_yaml_document_with_the_implicit_mapping_makes_the_hierarchy_too()
    {
        var (output, assembly) = s_petsYaml.Value;

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        Assert.Equal("Dog", Parse(assembly, "Pet", """{"petType":"Dog","bark":"woof"}""").GetType().Name);
        Assert.Equal("Cat", Parse(assembly, "Pet", """{"petType":"Cat","name":"Tom"}""").GetType().Name);
        Assert.Equal("/petType", PointerOf(Assert.ThrowsAny<Exception>(() => Parse(assembly, "Pet", """{"petType":"dog","bark":"woof"}"""))));
    }

    private const string Incomplete = """
        openapi: 3.1.0
        components:
          schemas:
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator: {DISCRIMINATOR}
            Owner:
              type: object
              properties:
                pet: { $ref: '#/components/schemas/Pet' }
            Cat:
              type: object
              required: [petType, name]
              properties:
                petType: { type: string }
                name: { type: string }
            Dog:
              type: object
              required: [petType, bark]
              properties:
                petType: { type: string }
                bark: { type: string }
            Lizard:
              type: object
              properties:
                petType: { type: string }
        """;

    [Theory]
    [InlineData("{propertyName: petType, mapping: {cat: '#/components/schemas/Kat'}}", "the mapping of 'cat' does not resolve")]
    [InlineData("{propertyName: petType, mapping: {lizard: Lizard}}", "'lizard' maps to a schema that is not one of the alternatives")]
    [InlineData("{propertyName: name}", "'Dog' does not declare 'name' as a required string property")]
    [InlineData("{propertyName: petType, mapping: {Dog: Cat}}", "the value 'Dog' would select two alternatives")]
    public void An_incomplete_mapping_is_reported_at_the_discriminator_and_keeps_the_union_shape(string discriminator, string reason)
    {
        var (output, assembly) = Compile(Incomplete.Replace("{DISCRIMINATOR}", discriminator), "/project/pets.openapi.yaml");

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC037", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((7, 6), (position.Line, position.Character));
        Assert.Empty(output.CompilationDiagnostics);
        Assert.Null(Type(assembly, "Pet"));
        Assert.Equal(typeof(object), Type(assembly, "Cat").BaseType);
        Assert.Equal(typeof(System.Text.Json.JsonElement?), Type(assembly, "Owner").GetProperty("Pet")!.PropertyType);
    }

    [Fact]
    public void An_alternative_inside_a_component_has_no_implicit_name()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/pets.openapi.json", """
            { "openapi": "3.1.0", "components": { "schemas": {
              "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Box/properties/inner" } ],
                "discriminator": { "propertyName": "petType" } },
              "Box": { "type": "object", "properties": { "inner": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } } } } },
              "Cat": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } } } } } }
            """) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC037", diagnostic.Id);
        Assert.Contains("the alternative 'Box#/properties/inner' is named neither by the mapping nor by a component name", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alternative_that_is_not_a_reference_is_reported_in_json_at_the_discriminator()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/pets.openapi.json", """
            { "openapi": "3.1.0", "components": { "schemas": {
              "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } } } ],
                "discriminator": { "propertyName": "petType" } },
              "Cat": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" } } } } } }
            """) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC037", diagnostic.Id);
        Assert.Contains("alternative 1 is not a $ref", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal((2, 4), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    /// <summary>A document's one operation, createPet, whose request body is the component Pet: Pet gets a request view.</summary>
    private const string CreatePet = """
        openapi: 3.1.0
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
              responses:
                '200': { description: ok }

        """;

    [Fact]
    public void A_request_view_of_the_hierarchy_maps_to_the_views_of_its_alternatives()
    {
        var (output, assembly) = Compile(CreatePet + """
            components:
              schemas:
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
                  discriminator: { propertyName: petType, mapping: { cat: '#/components/schemas/Cat', dog: Dog } }
                Cat:
                  type: object
                  required: [petType, id]
                  properties:
                    petType: { type: string }
                    id: { type: string, readOnly: true }
                Dog:
                  type: object
                  required: [petType, bark]
                  properties:
                    petType: { type: string }
                    bark: { type: string }
            """, "/project/pets.openapi.yaml");

        Assert.Empty(output.GeneratorDiagnostics);
        var view = new GeneratedValidator(assembly, "PetRequestViewSchema");
        Assert.True(view.Validate("""{"petType":"cat"}""").IsValid);
        Assert.Contains(view.Validate("""{"petType":"cow"}""").Errors, e => e.InstanceLocation == "/petType");
        Assert.False(new GeneratedValidator(assembly, "PetSchema").Validate("""{"petType":"cat"}""").IsValid);
    }

    // The allOf form: Pet declares the discriminator, Cat and Dog derive from it, Lion from Cat; "kitty" maps to Cat, the others by name.
    private const string Inheritance = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              required: [petType, name]
              properties:
                petType: { type: string }
                name: { type: string }
                tag: { type: string, nullable: true }
              discriminator:
                propertyName: petType
                mapping: { kitty: '#/components/schemas/Cat' }
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  required: [huntingSkill]
                  properties:
                    huntingSkill: { type: string, enum: [clueless, lazy, aggressive] }
            Dog:
              description: A dog.
              allOf:
                - $ref: '#/components/schemas/Pet'
              properties:
                packSize: { type: integer, minimum: 0 }
            Lion:
              allOf:
                - $ref: '#/components/schemas/Cat'
                - properties:
                    mane: { type: boolean }
            Owner:
              type: object
              properties:
                pet: { $ref: '#/components/schemas/Pet' }
                favourite:
                  description: The pet they like best.
                  allOf: [ { $ref: '#/components/schemas/Pet' } ]
        """;

    private static readonly Lazy<(GeneratorOutput Output, Assembly Assembly)> s_inheritance = new(() => Compile(Inheritance, "/project/pets.openapi.yaml"));

    [Fact]
    public void The_allOf_form_makes_a_closed_hierarchy_whose_base_declares_the_shared_properties()
    {
        var (output, assembly) = s_inheritance.Value;

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        var pet = AssertClosedHierarchy(assembly, "Pet", "Cat", "Dog", "Lion");
        // The base's own properties are abstract on it; each class has them and its own, flattened from its allOf parts.
        Assert.Equal(new[] { "Name", "PetType", "Tag" }, pet.GetProperties().Where(p => p.GetMethod!.IsAbstract).Select(p => p.Name).Order());
        Assert.Equal(new[] { "AdditionalProperties", "HuntingSkill", "Mane", "Name", "PetType", "Tag" }, Type(assembly, "Lion").GetProperties().Select(p => p.Name).Order());
        Assert.Equal(Type(assembly, "CatHuntingSkill"), Type(assembly, "Cat").GetProperty("HuntingSkill")!.PropertyType);
        Assert.Equal(typeof(long?), Type(assembly, "Dog").GetProperty("PackSize")!.PropertyType);
        // A lone allOf of a reference only annotates it: the property has the referenced type.
        Assert.Equal(pet, Type(assembly, "Owner").GetProperty("Pet")!.PropertyType);
        Assert.Equal(pet, Type(assembly, "Owner").GetProperty("Favourite")!.PropertyType);
    }

    [Theory]
    [InlineData("""{"petType":"kitty","name":"Tom","huntingSkill":"lazy"}""", "Cat")]
    [InlineData("""{"name":"Rex","packSize":3,"petType":"Dog"}""", "Dog")]
    [InlineData("""{"petType":"Lion","name":"Leo","huntingSkill":"aggressive","mane":true}""", "Lion")]
    public void Parse_of_the_allOf_base_dispatches_and_the_shared_properties_read_on_the_base(string json, string expected)
    {
        var assembly = s_inheritance.Value.Assembly;

        var pet = Parse(assembly, "Pet", json);

        Assert.Equal(expected, pet.GetType().Name);
        var name = Type(assembly, "Pet").GetProperty("Name")!.GetValue(pet);
        Assert.Equal(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("name").GetString(), name);
        var written = (string)pet.GetType().GetMethod("ToJson")!.Invoke(pet, [false])!;
        Assert.Equal(expected, Parse(assembly, "Pet", written).GetType().Name);
    }

    [Theory]
    [InlineData("""{"petType":"Pet","name":"Tom"}""")]
    [InlineData("""{"petType":"cat","name":"Tom"}""")]
    public void The_allOf_base_itself_is_no_alternative_and_an_unknown_value_fails_reading_and_validation_at_the_discriminator(string json)
    {
        var assembly = s_inheritance.Value.Assembly;

        Assert.Equal("/petType", PointerOf(Assert.ThrowsAny<Exception>(() => Parse(assembly, "Pet", json))));
        var validator = new GeneratedValidator(assembly, "PetSchema");
        foreach (var checker in new[] { validator, validator.Interpreted })
        {
            var error = Assert.Single(checker.Validate(json).Errors);
            Assert.Equal(("/petType", "enum", "/allOf/0/properties/petType/enum"), (error.InstanceLocation, error.Keyword, error.KeywordLocation));
            Assert.True(checker.Validate("""{"petType":"Lion","name":"Leo"}""").IsValid);
        }
    }

    [Fact]
    public void A_class_of_the_allOf_form_is_validated_against_every_part()
    {
        var validator = new GeneratedValidator(s_inheritance.Value.Assembly, "LionSchema");

        foreach (var checker in new[] { validator, validator.Interpreted })
        {
            Assert.True(checker.Validate("""{"petType":"Lion","name":"Leo","huntingSkill":"lazy","mane":true}""").IsValid);
            var errors = checker.Validate("""{"petType":"cow","huntingSkill":"sleepy","mane":1}""").Errors;
            Assert.Equal(new[] { "", "/huntingSkill", "/mane", "/petType" }, errors.Select(e => e.InstanceLocation).Distinct().Order());
        }
    }

    [Fact]
    public void The_allOf_form_with_a_mapping_that_falls_short_is_reported_and_keeps_the_classes_flat()
    {
        var (output, assembly) = Compile(Inheritance.Replace("kitty: '#/components/schemas/Cat'", "kitty: '#/components/schemas/Owner'"), "/project/pets.openapi.yaml");

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC037", diagnostic.Id);
        Assert.Contains("'kitty' maps to a schema that is not one of the alternatives", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal((12, 6), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Empty(output.CompilationDiagnostics);
        Assert.False(Type(assembly, "Pet").IsAbstract);
        Assert.Equal(typeof(object), Type(assembly, "Cat").BaseType);
        Assert.NotNull(Type(assembly, "Cat").GetProperty("Name"));
    }

    [Fact]
    public void A_request_view_of_an_allOf_base_checks_the_discriminator_values_of_its_component()
    {
        var (output, assembly) = Compile(CreatePet + """
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType, id]
                  properties:
                    petType: { type: string }
                    id: { type: string, readOnly: true }
                  discriminator: { propertyName: petType }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - properties:
                        name: { type: string }
            """, "/project/pets.openapi.yaml");

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        var view = new GeneratedValidator(assembly, "PetRequestViewSchema");
        Assert.True(view.Validate("""{"petType":"Cat"}""").IsValid);
        Assert.Equal(["/petType"], view.Validate("""{"petType":"Dog"}""").Errors.Select(e => e.InstanceLocation));
        Assert.False(new GeneratedValidator(assembly, "PetSchema").Validate("""{"petType":"Cat"}""").IsValid);
    }

    [Fact]
    public void The_allOf_form_follows_aliases_and_a_base_that_is_itself_a_composition()
    {
        var (output, assembly) = Compile("""
            openapi: 3.1.0
            components:
              schemas:
                Animal:
                  type: object
                  properties:
                    petType: { type: string }
                    owner: { type: object, properties: { id: { type: string } } }
                Pet:
                  allOf: [ { $ref: '#/components/schemas/Animal' } ]
                  discriminator: { propertyName: petType }
                PetAlias:
                  allOf: [ { $ref: '#/components/schemas/Pet' } ]
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/PetAlias'
                    - required: [petType]
                      properties: { claws: { type: boolean } }
                Dog:
                  type: object
                  allOf: [ { $ref: '#/components/schemas/Pet' } ]
                  required: [petType]
                  properties: { bark: { type: string } }
                Fish:
                  type: object
                  required: [petType]
                  allOf: [ { $ref: '#/components/schemas/Pet' } ]
                Home:
                  type: object
                  properties:
                    pet: { allOf: [ { $ref: '#/components/schemas/Pet' } ] }
                    favourite: { type: object, allOf: [ { $ref: '#/components/schemas/Pet' } ] }
            """, "/project/pets.openapi.yaml");

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        // Cat derives through the alias, which is Pet itself; Fish, "type": "object" with no property of its own, is a subtype.
        var pet = AssertClosedHierarchy(assembly, "Pet", "Cat", "Dog", "Fish");
        Assert.Equal("Fish", Parse(assembly, "Pet", """{"petType":"Fish"}""").GetType().Name);
        Assert.Null(Type(assembly, "PetAlias"));
        // Inside a component, {"type": "object", "allOf": [Pet]} only annotates the reference, as the plain allOf does.
        Assert.Equal(pet, Type(assembly, "Home").GetProperty("Pet")!.PropertyType);
        Assert.Equal(pet, Type(assembly, "Home").GetProperty("Favourite")!.PropertyType);
        Assert.Equal("Cat", Parse(assembly, "Pet", """{"petType":"Cat","claws":true}""").GetType().Name);
        // An inline type of a part is named after the part, not after whichever class reached it first.
        Assert.Equal("AnimalOwner", pet.GetProperty("Owner")!.PropertyType.Name);

        var catSchema = new GeneratedValidator(assembly, "CatSchema");
        var petSchema = new GeneratedValidator(assembly, "PetSchema");
        foreach (var (cat, anyPet) in new[] { (catSchema, petSchema), (catSchema.Interpreted, petSchema.Interpreted) })
        {
            Assert.True(cat.Validate("""{"petType":"Cat","claws":true}""").IsValid);
            // The base does not require the property, the hierarchy does: a value without one fails as it fails reading.
            var missing = Assert.Single(anyPet.Validate("""{"owner":{}}""").Errors);
            Assert.Equal(("", "required"), (missing.InstanceLocation, missing.Keyword));
        }
    }

    [Fact]
    public void The_allOf_base_keeps_its_own_additionalProperties()
    {
        var (output, assembly) = Compile("""
            openapi: 3.1.0
            components:
              schemas:
                Pet:
                  type: object
                  additionalProperties: false
                  properties: { name: { type: string } }
                  discriminator: { propertyName: petType }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - required: [petType]
                      properties: { petType: { type: string } }
            """, "/project/pets.openapi.yaml");

        Assert.Empty(output.GeneratorDiagnostics);
        var validator = new GeneratedValidator(assembly, "PetSchema");
        foreach (var checker in new[] { validator, validator.Interpreted })
        {
            // As written, Pet allows no property but "name": its discriminator check adds none.
            Assert.Contains(checker.Validate("""{"petType":"Cat"}""").Errors, e => e.InstanceLocation == "/petType" && e.Keyword == "additionalProperties");
        }
    }

    [Fact]
    public void An_alternative_that_is_the_base_of_a_hierarchy_of_its_own_stays_an_alternative_and_its_discriminator_says_so()
    {
        var (output, assembly) = Compile("""
            openapi: 3.1.0
            components:
              schemas:
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
                  discriminator: { propertyName: petType }
                Cat:
                  type: object
                  required: [petType]
                  properties: { petType: { type: string } }
                  discriminator: { propertyName: petType }
                Lion:
                  allOf: [ { $ref: '#/components/schemas/Cat' }, { properties: { mane: { type: boolean } } } ]
                Dog:
                  type: object
                  required: [petType]
                  properties: { petType: { type: string } }
            """, "/project/pets.openapi.yaml");

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC037", diagnostic.Id);
        Assert.Contains("'Cat' is itself an alternative of 'Pet', and a class has one base", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(output.CompilationDiagnostics);
        Assert.Equal(Type(assembly, "Pet"), Type(assembly, "Cat").BaseType);
        Assert.Equal(typeof(object), Type(assembly, "Lion").BaseType);
    }

    [Fact]
    public void A_discriminator_with_nothing_to_choose_among_says_so()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/pets.openapi.yaml", """
            openapi: 3.1.0
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties:
                    petType: { type: string }
                  discriminator:
                    propertyName: petType
                Alias:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
            """) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC036", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
        Assert.Equal((8, 6), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Empty(output.CompilationDiagnostics);
    }

    [Fact]
    public void An_alternative_of_two_hierarchies_derives_from_the_first_and_the_second_says_so()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/pets.openapi.yaml", """
            openapi: 3.1.0
            components:
              schemas:
                Animal:
                  oneOf: [ { $ref: '#/components/schemas/Cat' } ]
                  discriminator: { propertyName: petType }
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Cat' } ]
                  discriminator: { propertyName: petType }
                Cat:
                  type: object
                  required: [petType]
                  properties:
                    petType: { type: string }
            """) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC038", diagnostic.Id);
        Assert.Contains("'Cat' already derives from 'Animal'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(output.CompilationDiagnostics);
        var assembly = GeneratorHarness.Load(output.Compilation);
        Assert.Equal(Type(assembly, "Animal"), Type(assembly, "Cat").BaseType);
        Assert.Null(Type(assembly, "Pet"));
    }
}
