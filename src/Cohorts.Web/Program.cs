using Cohorts.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCohorts();

var app = builder.Build();
app.MapCohorts();
app.Run();
