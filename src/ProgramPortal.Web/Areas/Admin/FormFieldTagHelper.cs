using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProgramPortal.Areas.Admin;

/// <summary>
/// `&lt;form-field for="Input.Title" /&gt;` renders a label (from [Display(Name)]), the hint (from
/// [Display(Description)]), the right control for the property's type and its validation message,
/// so the dozen content forms stay a list of field names.
/// </summary>
[HtmlTargetElement("form-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var metadata = For.Metadata;
        var id = TagBuilder.CreateSanitizedId(For.Name, "_");
        var attributes = new Dictionary<string, object> { ["aria-describedby"] = id + "-hint" };

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");

        var content = output.Content;
        content.AppendHtml(generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, labelText: null, htmlAttributes: null));
        content.AppendHtml(new HtmlString($"<p class=\"hint\" id=\"{id}-hint\">"));
        content.Append(metadata.Description ?? "");
        content.AppendHtml(new HtmlString("</p>"));
        content.AppendHtml(Control(metadata.UnderlyingOrModelType, metadata.DataTypeName, attributes));
        content.AppendHtml(generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name,
            message: null, tag: "span", htmlAttributes: new { @class = "error" }));
    }

    private IHtmlContent Control(Type type, string? dataType, Dictionary<string, object> attributes)
    {
        if (type.IsEnum)
        {
            var choices = Enum.GetNames(type).Select(name => new SelectListItem(name, name));
            return generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, For.Name, choices,
                allowMultiple: false, attributes);
        }

        if (type == typeof(bool))
        {
            var html = new HtmlContentBuilder();
            html.AppendHtml(generator.GenerateCheckBox(ViewContext, For.ModelExplorer, For.Name, isChecked: null, attributes));
            html.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, For.Name));
            return html;
        }

        if (dataType == nameof(DataType.MultilineText))
        {
            return generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, rows: 6, columns: 60, attributes);
        }

        attributes["type"] = type switch
        {
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(int) => "number",
            _ when dataType == nameof(DataType.Url) => "url",
            _ when dataType == nameof(DataType.EmailAddress) => "email",
            _ => "text",
        };
        if (type == typeof(decimal))
        {
            // A text box, because a number box sends nothing at all for "$73,000"; FigureModelBinder reads what was typed.
            attributes["inputmode"] = "decimal";
        }

        // Figures without the database's trailing ".00", as the hints show them ("73000").
        var format = type == typeof(DateOnly) ? "{0:yyyy-MM-dd}" : type == typeof(decimal) ? "{0:0.##}" : null;
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format, attributes);
    }
}
