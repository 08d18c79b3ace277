using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramPortal.Areas.Admin;

/// <summary>
/// Reads the figures staff type in admin forms (salaries, statistics) as people write them:
/// "73000", "73,000", "$73,000" or "73000.00". The framework's binder refuses a dollar sign with a
/// message naming the C# property's display name, and anything else gets a message saying what to type.
/// </summary>
public sealed partial class FigureModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var value = bindingContext.ValueProvider.GetValue(name);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, value);
        var typed = value.FirstValue?.Trim() ?? "";
        if (typed.Length == 0)
        {
            // Left empty: the field's [Required] message says what is missing.
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (Figure().Match(typed) is { Success: true } match
            && decimal.TryParse(match.Groups["sign"].Value + match.Groups["number"].Value.Replace(",", ""),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var figure))
        {
            bindingContext.Result = ModelBindingResult.Success(figure);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(name,
                $"“{typed}” is not a number. Type digits, such as 73000; a $ sign and commas between thousands are fine.");
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^(?<sign>-?)\s*(?:US)?\$?\s*(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")]
    private static partial Regex Figure();
}

/// <summary>Uses <see cref="FigureModelBinder"/> for every decimal an admin form posts.</summary>
public sealed class FigureModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(decimal) ? new FigureModelBinder() : null;
}
