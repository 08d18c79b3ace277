using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using ProgramPortal.Leads;
using ProgramPortal.Leads.Export;

namespace ProgramPortal.Areas.Admin.Pages.Leads;

/// <summary>Downloads the leads of the list's filter (same query string) as CSV or XLSX, streamed as it is written.</summary>
public class ExportModel(LeadExporter exporter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, [FromQuery] LeadFilter filter, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ExportFormat>(format, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
        {
            return NotFound();
        }

        if (chosen == ExportFormat.Xlsx)
        {
            // ZipArchive writes each entry's small header and the closing directory synchronously
            // (dotnet/runtime#1560); everything else is written asynchronously.
            HttpContext.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        }

        Response.ContentType = LeadExporter.ContentType(chosen);
        Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileName = exporter.FileName(chosen) }.ToString();
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        await exporter.ExportAsync(filter, chosen, User.Identity!.Name!, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
